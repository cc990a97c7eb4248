package cn.chenzhou.plan.acceptance.security;

import cn.chenzhou.plan.acceptance.RunningPlatform;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signing in as a person does — through the authorization server's sign-in form — with Java's HTTP client and a
 * cookie jar standing in for the browser: a session at the gateway, or a user's own tokens obtained as the gateway
 * obtains them (authorization code with PKCE, as the gateway's client).
 */
final class SignIn {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private SignIn() {
    }

    /** A browser: cookies kept, redirects not followed (each step is looked at). */
    static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static HttpResponse<String> get(HttpClient browser, URI uri) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Follows redirects until an answer that is not one. */
    static HttpResponse<String> follow(HttpClient browser, HttpResponse<String> response) throws Exception {
        while (response.statusCode() / 100 == 3) {
            response = get(browser, location(response));
        }
        return response;
    }

    static URI location(HttpResponse<String> response) {
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    /** Fills in and posts the authorization server's sign-in form; the answer, not followed. */
    static HttpResponse<String> submitForm(HttpClient browser, String authorizationServer, String username,
                                           String password) throws Exception {
        HttpResponse<String> page = get(browser, URI.create(authorizationServer + "/login"));
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no sign-in form at " + page.uri() + ": " + page.statusCode() + " " + page.body());
        }
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        return browser.send(HttpRequest.newBuilder(URI.create(authorizationServer + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser signed in at the gateway as a staff user: the gateway's session cookie is in its jar. */
    static HttpClient gatewaySession(RunningPlatform platform, String username) throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> form = follow(browser, get(browser, URI.create(platform.gateway() + "/oauth2/authorization/platform")));
        if (!form.uri().getPath().equals("/login")) {
            throw new IllegalStateException("signing in did not lead to the sign-in form: " + form.uri());
        }
        HttpResponse<String> landed = follow(browser, submitForm(browser, platform.authorizationServer(), username,
                platform.password(username)));
        if (landed.statusCode() != 200 || !landed.uri().toString().startsWith(platform.gateway())) {
            throw new IllegalStateException("signing in as " + username + " ended at " + landed.uri() + ": " + landed.statusCode());
        }
        return browser;
    }

    /** A staff user's own tokens ({@code access_token}, {@code id_token}, …), as the gateway obtains them. */
    static JsonNode userTokens(RunningPlatform platform, String username) throws Exception {
        HttpClient browser = browser();
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = platform.gateway() + "/login/oauth2/code/platform";
        get(browser, URI.create(platform.authorizationServer() + "/oauth2/authorize?response_type=code&client_id=gateway"
                + "&scope=" + enc("openid api") + "&redirect_uri=" + enc(redirect) + "&state=s&code_challenge=" + challenge
                + "&code_challenge_method=S256"));
        HttpResponse<String> signedIn = submitForm(browser, platform.authorizationServer(), username, platform.password(username));
        HttpResponse<String> authorized = get(browser, location(signedIn));
        URI back = location(authorized);
        if (!back.toString().startsWith(redirect)) {
            throw new IllegalStateException("no authorization code for " + username + ": sent to " + back);
        }
        String code = back.getQuery().replaceFirst(".*\\bcode=([^&]+).*", "$1");
        String basic = Base64.getEncoder().encodeToString(("gateway:" + platform.secret("gateway")).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> tokens = browser.send(HttpRequest.newBuilder(URI.create(platform.authorizationServer() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code + "&redirect_uri="
                        + enc(redirect) + "&code_verifier=" + verifier)).build(), HttpResponse.BodyHandlers.ofString());
        if (tokens.statusCode() != 200) {
            throw new IllegalStateException("tokens for " + username + ": " + tokens.statusCode() + " " + tokens.body());
        }
        return JSON.readTree(tokens.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
