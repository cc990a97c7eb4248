package cn.chenzhou.plan.acceptance.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Every page of the workbench as each role sees it: axe-core finds no critical or serious violation (with every
 * form on the page opened: the plan office's and a county's every page and record page, finance's money pages, the
 * viewer's every page in English), every field has a label and every control is in the keyboard's tab order; a viewer
 * is offered nothing to change; and what a role is not offered is refused when its session sends it by hand.
 */
@ExtendWith(Browsers.class)
class WorkbenchRolesIT {
    private static WorkbenchPlatform platform;

    @BeforeAll
    static void platform() throws Exception {
        Workbench.assumeChromium();
        platform = WorkbenchPlatform.get();
    }

    /** The pages of the navigation that match, then (if asked) the first record's page of each of their lists. */
    private static List<String> pages(Workbench wb, Predicate<String> wanted, boolean records) {
        Set<String> pages = new LinkedHashSet<>();
        for (WebElement link : wb.browser.findElements(By.cssSelector("#nav a[href^='#/']"))) {
            String page = link.getAttribute("href").replaceAll("^.*#", "");
            if (wanted.test(page)) {
                pages.add(page);
            }
        }
        Set<String> all = new LinkedHashSet<>(pages);
        if (records) {
            for (String page : pages) {
                wb.go(page);
                List<WebElement> links = wb.browser.findElements(By.cssSelector("main table a[href^='#/']"));
                if (!links.isEmpty()) {
                    all.add(links.get(0).getAttribute("href").replaceAll("^.*#", "").split("\\?")[0]);
                }
            }
        }
        return new ArrayList<>(all);
    }

    /** Opens every form on the page; each field must have a label and be reachable with Tab. */
    private static void checkForms(Workbench wb, String page) {
        wb.script("document.querySelectorAll('details').forEach(d => d.open = true);");
        @SuppressWarnings("unchecked")
        List<String> unusable = (List<String>) wb.script("""
                return Array.from(document.querySelectorAll('main form input:not([type=hidden]), main form select, main form textarea, main form button'))
                  .filter(c => c.tabIndex < 0 || c.disabled || c.offsetParent === null
                    || (c.tagName !== 'BUTTON' && c.labels.length === 0 && !c.getAttribute('aria-label')))
                  .map(c => (c.name || c.textContent) + ' in ' + (c.form && c.form.dataset.form));""");
        assertThat(unusable).as("fields without a label or out of the tab order on %s", page).isEmpty();
    }

    private void sweep(String user, Predicate<String> wanted) throws Exception {
        Workbench wb = new Workbench(platform, "zh-CN");
        wb.signIn(user);
        for (String page : pages(wb, wanted, true)) {
            wb.go(page);
            checkForms(wb, page);
            wb.checkAccessibility(user + ": " + page);
        }
        assertThat(wb.scriptErrors()).isEmpty();
    }

    @Test
    void everyPageOfThePlanOfficeIsAccessibleAndEveryFormUsableByKeyboard() throws Exception {
        sweep("admin", page -> true);
    }

    @Test
    void everyPageOfACountysStaffIsAccessibleAndEveryFormUsableByKeyboard() throws Exception {
        sweep("staff-431025", page -> true);
    }

    @Test
    void everyMoneyPageOfFinanceIsAccessibleAndEveryFormUsableByKeyboard() throws Exception {
        // finance's forms are on the money pages; every other page is the one the plan office's sweep checked
        sweep("finance", page -> page.startsWith("/funding") || page.startsWith("/secured-funds") || page.startsWith("/matching-funds"));
    }

    @Test
    void aViewerReadsEveryPageInEnglishTooAndIsOfferedNothingToChange() throws Exception {
        Workbench wb = new Workbench(platform, "en");
        wb.signIn("viewer");
        wb.clickAndAwait(wb.browser.findElement(By.xpath("//header//button[text()='English']")), "/");
        assertThat(wb.text("h1")).startsWith("Workbench");
        assertThat(wb.text("#notice")).contains("Read only");
        wb.screenshot("viewer");
        for (String page : pages(wb, p -> true, false)) {
            wb.go(page);
            assertThat(wb.browser.findElements(By.cssSelector("main form.wb-form"))).as("forms on %s", page).isEmpty();
            wb.checkAccessibility("viewer (English): " + page);
        }
    }

    /** A command sent by hand from the page with the session's CSRF token and a key: its HTTP status. */
    private static long forced(Workbench wb, String method, String path, String body) {
        return (Long) wb.asyncScript("""
                const [method, path, body, done] = arguments;
                fetch('/workbench/session').then(r => r.json()).then(session => fetch(path, {method, body,
                  headers: {'Content-Type': 'application/json', 'Idempotency-Key': 'forced-' + Math.random(),
                            [session.csrf.headerName]: session.csrf.token}}))
                  .then(r => done(r.status), e => done(-1));""", method, path, body);
    }

    @Test
    void whatARoleIsNotOfferedIsRefusedWhenItsSessionSendsItByHand() throws Exception {
        String project = "{\"county\":\"431023\",\"title\":\"越权测试\",\"programme\":\"SPARK\",\"level\":\"MUNICIPAL\","
                + "\"applicant\":{\"name\":\"永兴县测试有限公司\",\"creditCode\":\"91431023MA4L5EAY54\"},\"requestedAmount\":\"1.00\","
                + "\"period\":{\"start\":\"2013-01-01\",\"end\":\"2013-12-31\"},\"contact\":{\"name\":\"张三\",\"phone\":\"0735-1234567\"},"
                + "\"draftedOn\":\"2013-01-01\"}";
        String fund = "{\"year\":2099,\"budget\":\"1.00\",\"openedOn\":\"2013-01-01\"}";
        String formalReview = "{\"version\":1,\"outcome\":\"PASSED\",\"reviewedOn\":\"2013-01-01\"}";
        Map<String, List<String[]>> hidden = Map.of(
                "viewer", List.of(new String[] {"POST", "/api/projects", project}, new String[] {"POST", "/api/funding/special-fund", fund}),
                "staff-431023", List.of(new String[] {"POST", "/api/funding/special-fund", fund},
                        new String[] {"POST", "/api/registry/assessments", "{\"county\":\"431023\",\"year\":2013,\"result\":\"PASSED\",\"documentNo\":\"x\",\"effectiveOn\":\"2013-01-01\"}"}),
                "finance", List.<String[]>of(new String[] {"POST", "/api/projects", project}));
        for (var entry : hidden.entrySet()) {
            Workbench wb = new Workbench(platform, "zh-CN");
            wb.signIn(entry.getKey());
            // the page does not offer it …
            wb.go("/funding");
            if (!entry.getKey().equals("finance")) {
                assertThat(wb.browser.findElements(By.cssSelector("[data-action='openFund']"))).isEmpty();
            }
            // … and the service refuses it when the session sends it anyway
            for (String[] call : entry.getValue()) {
                assertThat(forced(wb, call[0], call[1], call[2])).as("%s %s by %s", call[0], call[1], entry.getKey()).isEqualTo(403L);
            }
            wb.close();
        }
        // the plan office's steps on a project, forced by finance
        Workbench wb = new Workbench(platform, "zh-CN");
        wb.signIn("finance");
        String id = (String) wb.asyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/projects?status=SUBMITTED&size=1').then(r => r.json()).then(p => done(p.items[0].id), e => done(null));");
        wb.go("/projects/" + id);
        assertThat(wb.browser.findElements(By.cssSelector("details[data-action]"))).isEmpty();
        assertThat(forced(wb, "POST", "/api/projects/" + id + "/formal-review", formalReview)).isEqualTo(403L);
    }
}
