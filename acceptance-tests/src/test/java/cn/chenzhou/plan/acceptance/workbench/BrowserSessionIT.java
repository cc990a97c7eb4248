package cn.chenzhou.plan.acceptance.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * A signed-in browser's session, tried as an attacker would: a change is accepted with the session's CSRF token and
 * refused with a token the client made up (a planted cookie and the matching header — what the old double-submit
 * check accepted) or with none; the session cookie is out of script's reach and SameSite; and signing out ends the
 * session here and at the authorization server (the old cookie is worthless, and signing in again asks for the password).
 */
@ExtendWith(Browsers.class)
class BrowserSessionIT {
    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    private static WorkbenchPlatform platform;

    @BeforeAll
    static void platform() throws Exception {
        Workbench.assumeChromium();
        platform = WorkbenchPlatform.get();
    }

    /** Sends a new programme's draft of a project from the page, with the given extra headers; answers the status. */
    private static long draft(Workbench wb, String headersJs) {
        return (Long) wb.asyncScript("""
                const [today, done] = arguments;
                fetch('/workbench/session').then(r => r.json()).then(session => {
                  const headers = Object.assign({'Content-Type': 'application/json', 'Idempotency-Key': 'csrf-' + Math.random()}, %s);
                  return fetch('/api/projects', {method: 'POST', headers, body: JSON.stringify({county: '431023',
                    title: '会话令牌测试项目', programme: 'SPARK', level: 'MUNICIPAL',
                    applicant: {name: '永兴县测试有限公司', creditCode: '91431023MA4L5EAY54'}, requestedAmount: '100000.00',
                    period: {start: '2013-01-01', end: '2013-12-31'}, contact: {name: '张三', phone: '0735-1234567'}, draftedOn: today})});
                }).then(r => done(r.status), e => done(-1));""".formatted(headersJs), TODAY);
    }

    @Test
    void aChangeNeedsTheSessionsOwnCsrfTokenAPlantedOneIsRefused() throws Exception {
        Workbench wb = new Workbench(platform, "zh-CN");
        wb.signIn("staff-431023");

        // a token the client made up, planted as a cookie (as a sibling site or a script can) and sent back in the
        // header, masked as Spring Security expects a token to be: what a double-submit check accepts
        wb.script("document.cookie = 'XSRF-TOKEN=planted-by-the-attacker; path=/';");
        wb.script("""
                const raw = new TextEncoder().encode('planted-by-the-attacker');
                const random = crypto.getRandomValues(new Uint8Array(raw.length));
                const masked = new Uint8Array(raw.length * 2);
                masked.set(random);
                raw.forEach((b, i) => { masked[raw.length + i] = b ^ random[i]; });
                window.plantedToken = btoa(String.fromCharCode(...masked)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');""");
        assertThat(draft(wb, "{'X-XSRF-TOKEN': window.plantedToken, 'X-CSRF-TOKEN': window.plantedToken}"))
                .as("planted token").isEqualTo(403L);
        assertThat(draft(wb, "{}")).as("no token").isEqualTo(403L);
        // the session's own token, as the page sends it
        assertThat(draft(wb, "{[session.csrf.headerName]: session.csrf.token}")).as("the session's token").isEqualTo(201L);

        // the session cookie: not readable by script, SameSite, only ever sent to the gateway's path
        Cookie session = wb.browser.manage().getCookieNamed("SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat((String) wb.script("return document.cookie;")).doesNotContain("SESSION");
    }

    @Test
    void signingOutEndsTheSessionAndTheSignInAtTheAuthorizationServer() throws Exception {
        Workbench wb = new Workbench(platform, "zh-CN");
        wb.signIn("staff-431023");
        String cookie = wb.browser.manage().getCookieNamed("SESSION").getValue();
        wb.click(wb.browser.findElement(By.cssSelector("form.wb-signout button")));
        // back at the sign-in page: the authorization server asks for the password again
        wb.wait.until(d -> !d.findElements(By.id("username")).isEmpty());

        HttpResponse<String> replayed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.gateway() + "/workbench/session"))
                .header("Cookie", "SESSION=" + cookie).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(replayed.statusCode()).as("the old session cookie after signing out").isEqualTo(401);

        wb.browser.get(platform.gateway() + "/");
        wb.wait.until(d -> !d.findElements(By.id("username")).isEmpty());
        assertThat(wb.browser.getCurrentUrl()).as("signing in again needs the password").contains("/login");
    }
}
