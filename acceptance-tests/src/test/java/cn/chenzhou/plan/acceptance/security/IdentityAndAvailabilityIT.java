package cn.chenzhou.plan.acceptance.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.acceptance.RunningPlatform;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.sdk.PlatformClient;
import cn.chenzhou.plan.sdk.projects.Projects;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one caller can do to everyone else, and what a stolen identity is worth, tried on a platform started exactly
 * as {@code ./platform up} ships it (its own, so that its limits are the shipped ones): a caller cannot open a
 * service's breaker, its own budget at the gateway is one it can reach, guessing secrets and passwords is throttled,
 * a revoked token is refused within a minute, a user and a client of the same name are two principals, and the
 * breakers' fallback is no caller's to read or to write into the logs.
 */
class IdentityAndAvailabilityIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static RunningPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = RunningPlatform.startAsShipped();
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(40)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static CompletableFuture<HttpResponse<String>> getAsync(String url, String token) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(40)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String token, String key, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", key).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> tokenRequest(String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(platform.authorizationServer() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=api")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** The scorecard line of a county that has nothing to do with the caller: is reporting serving everyone? */
    private static int anotherCountyReadsItsScorecard() throws Exception {
        return get(platform.gateway() + "/api/reports/scorecard/counties/431002", platform.token("county-431002")).statusCode();
    }

    @Test
    void aViewersLongWaitsAndRefusalsLeaveReportingServingEveryCounty() throws Exception {
        String viewer = platform.token("viewer");
        String waits = platform.gateway() + "/api/reports/read-model/aggregates/" + Topics.PROJECTS + "/never-written-";
        // six waits of 30 s once outlasted the gateway's 20 s limit and opened its breaker on reporting
        List<CompletableFuture<HttpResponse<String>>> tooLong = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> longest = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tooLong.add(getAsync(waits + UUID.randomUUID() + "?atLeast=1&waitMs=30000", viewer));
            longest.add(getAsync(waits + UUID.randomUUID() + "?atLeast=1&waitMs=10000", viewer));
        }
        // while the viewer's waits are parked, another county is served
        for (int i = 0; i < 5; i++) {
            assertThat(anotherCountyReadsItsScorecard()).isEqualTo(200);
            Thread.sleep(1_000);
        }
        for (CompletableFuture<HttpResponse<String>> wait : tooLong) {
            HttpResponse<String> refused = wait.join();
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("waitMs");
        }
        for (CompletableFuture<HttpResponse<String>> wait : longest) {
            HttpResponse<String> answered = wait.join();
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
            assertThat(JSON.readTree(answered.body()).get("sequence").asLong()).isZero();
        }
        // and a burst of the viewer's own mistakes, each answered 4xx by reporting
        for (int i = 0; i < 30; i++) {
            int status = get(platform.gateway() + (i % 2 == 0 ? "/api/reports/scorecard?asOf=not-a-date"
                    : "/api/reports/plans/no-such-plan-" + i), viewer).statusCode();
            assertThat(status).isBetween(400, 499);
        }
        // right after, as before: the breaker never opened
        assertThat(anotherCountyReadsItsScorecard()).isEqualTo(200);
    }

    /** A client reading in a loop from four threads, as a portal's batch job might, until the gateway says 429. */
    private static HttpResponse<String> loopUntilLimited(String url, String client, AtomicInteger sent) throws Exception {
        AtomicReference<HttpResponse<String>> limited = new AtomicReference<>();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            loops.add(CompletableFuture.runAsync(() -> {
                try {
                    while (limited.get() == null && sent.get() < 2_000) {
                        HttpResponse<String> r = get(url, platform.token(client));
                        sent.incrementAndGet();
                        if (r.statusCode() == 429) {
                            limited.compareAndSet(null, r);
                        } else if (r.statusCode() != 200) {
                            throw new AssertionError(url + ": " + r.statusCode() + " " + r.body());
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, threads));
        }
        try {
            CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).join();
        } finally {
            threads.shutdownNow();
        }
        assertThat(limited.get()).as("no 429 after %d requests", sent.get()).isNotNull();
        return limited.get();
    }

    @Test
    void oneClientLoopingOnTheGatewayReachesTheShippedBudgetAndIsToldWhenToComeBack() throws Exception {
        String url = platform.gateway() + "/api/projects?county=431021&size=1";
        AtomicInteger sent = new AtomicInteger();
        HttpResponse<String> limited = loopUntilLimited(url, "county-431021", sent);
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(limited.body()).contains("rate-limited");
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 10L);
        System.out.printf("county-431021 met 429 after %d requests; Retry-After %d s%n", sent.get(), retryAfter);
        // another county is not held up by it
        assertThat(get(platform.gateway() + "/api/projects?county=431022&size=1", platform.token("county-431022")).statusCode())
                .isEqualTo(200);
        Thread.sleep(retryAfter * 1000);
        assertThat(get(url, platform.token("county-431021")).statusCode()).isEqualTo(200);
    }

    @Test
    void guessingSecretsAndPasswordsIsThrottledAndAnUnknownClientLooksLikeAKnownOne() throws Exception {
        List<String> wrongSecretAnswers = new ArrayList<>();
        long knownNanos = 0;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            HttpResponse<String> refused = tokenRequest("county-431081", "a-guess-" + i);
            knownNanos += System.nanoTime() - t;
            assertThat(refused.statusCode()).isEqualTo(401);
            wrongSecretAnswers.add(refused.body());
        }
        HttpResponse<String> throttled = tokenRequest("county-431081", platform.secret("county-431081"));
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(throttled.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

        long t = System.nanoTime();
        HttpResponse<String> unknown = tokenRequest("county-999999", "a-guess");
        long unknownNanos = System.nanoTime() - t;
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrongSecretAnswers.get(0));
        System.out.printf("wrong secret for a known client id: %.0f ms on average; for an unknown id: %.0f ms%n",
                knownNanos / 5 / 1e6, unknownNanos / 1e6);

        HttpClient browser = SignIn.browser();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> failed = SignIn.submitForm(browser, platform.authorizationServer(), "staff-431081", "a-guess-" + i);
            assertThat(failed.statusCode()).isEqualTo(302);
            assertThat(SignIn.location(failed).toString()).endsWith("/login?error");
        }
        HttpResponse<String> held = SignIn.submitForm(browser, platform.authorizationServer(), "staff-431081",
                platform.password("staff-431081"));
        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(held.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aRevokedTokenIsRefusedWithinAMinuteWhileTheSdkAndASignedInUserRenewTheirs() throws Exception {
        HttpClient session = SignIn.gatewaySession(platform, "staff-431023");
        String mine = platform.gateway() + "/api/projects?county=431023&size=1";
        assertThat(session.send(HttpRequest.newBuilder(URI.create(mine)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        try (PlatformClient sdk = PlatformClient.builder().gateway(platform.gateway())
                .authorizationServer(platform.authorizationServer())
                .clientCredentials("county-431024", platform.secret("county-431024")).build()) {
            sdk.projects().list(Projects.Filter.all().county("431024"), 0, 1);

            String stolen = tokenRequestToken("county-431023");
            String atService = "http://localhost:" + platform.port("PROJECT_SERVICE_PORT") + "/api/projects?county=431023&size=1";
            assertThat(get(mine, stolen).statusCode()).isEqualTo(200);
            assertThat(get(atService, stolen).statusCode()).isEqualTo(200);
            String basic = Base64.getEncoder().encodeToString(("county-431023:" + platform.secret("county-431023"))
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> revoked = HTTP.send(HttpRequest.newBuilder(URI.create(platform.authorizationServer() + "/oauth2/revoke"))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + stolen + "&token_type_hint=access_token")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(revoked.statusCode()).isEqualTo(200);
            long revokedAt = System.nanoTime();

            Long gatewayRefused = null;
            Long serviceRefused = null;
            while ((gatewayRefused == null || serviceRefused == null) && System.nanoTime() - revokedAt < 60_000_000_000L) {
                if (gatewayRefused == null && get(mine, stolen).statusCode() == 401) {
                    gatewayRefused = System.nanoTime() - revokedAt;
                }
                if (serviceRefused == null && get(atService, stolen).statusCode() == 401) {
                    serviceRefused = System.nanoTime() - revokedAt;
                }
                Thread.sleep(1_000);
            }
            assertThat(gatewayRefused).as("the revoked token was still taken at the gateway a minute later").isNotNull();
            assertThat(serviceRefused).as("the revoked token was still taken by project-service a minute later").isNotNull();
            System.out.printf("revoked token refused after %.1f s at the gateway, %.1f s at project-service (lifetime %d s)%n",
                    gatewayRefused / 1e9, serviceRefused / 1e9, claims(stolen).get("exp").asLong() - claims(stolen).get("iat").asLong());

            // by now every token issued before the revocation has expired: the SDK renewed its own, the gateway the user's
            assertThat(sdk.projects().list(Projects.Filter.all().county("431024"), 0, 1)).isNotNull();
            HttpResponse<String> later = session.send(HttpRequest.newBuilder(URI.create(mine)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(later.statusCode()).as(later.body()).isEqualTo(200);
        }
    }

    private static String tokenRequestToken(String clientId) throws Exception {
        HttpResponse<String> issued = tokenRequest(clientId, platform.secret(clientId));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return JSON.readTree(issued.body()).get("access_token").asString();
    }

    @Test
    void aUserAndAClientNamedFinanceAreTwoPrincipalsWithTwoBudgetsTwoKeySpacesAndTwoNamesInTheRecord() throws Exception {
        String user = SignIn.userTokens(platform, "finance").get("access_token").asString();
        String client = platform.token("finance");
        assertThat(claims(user).get("sub").asString()).isNotEqualTo(claims(client).get("sub").asString());

        // the same command with the same key, once by each: two entries, neither a replay of the other's
        String key = "same-key-" + UUID.randomUUID();
        String command = """
                {"county":"431025","level":"PROVINCIAL","programme":"SPARK","amount":"300000.00",
                 "securedOn":"2013-03-01","documentNo":"湘财教〔2013〕S7号"}""";
        HttpResponse<String> byClient = post(platform.gateway() + "/api/funding/secured-funds", client, key, command);
        HttpResponse<String> byUser = post(platform.gateway() + "/api/funding/secured-funds", user, key, command);
        assertThat(byClient.statusCode()).as(byClient.body()).isEqualTo(201);
        assertThat(byUser.statusCode()).as(byUser.body()).isEqualTo(201);
        assertThat(byUser.headers().firstValue("Idempotent-Replayed")).isEmpty();
        JsonNode clientEntry = JSON.readTree(byClient.body());
        JsonNode userEntry = JSON.readTree(byUser.body());
        assertThat(userEntry.get("id").asString()).isNotEqualTo(clientEntry.get("id").asString());
        assertThat(clientEntry.get("recordedBy").asString()).isEqualTo("finance");
        assertThat(userEntry.get("recordedBy").asString()).isEqualTo("user:finance");

        // the client spends its budget; the user still has all of its own
        String list = platform.gateway() + "/api/funding/secured-funds?size=1";
        for (int attempt = 0; attempt < 3; attempt++) {
            loopUntilLimited(list, "finance", new AtomicInteger());
            int userStatus = get(list, user).statusCode();
            // the client still over its budget afterwards: the user's request came within the same period
            if (get(list, platform.token("finance")).statusCode() == 429) {
                assertThat(userStatus).isEqualTo(200);
                return;
            }
        }
        throw new AssertionError("the budget period kept ending between the client's refusal and the user's request");
    }

    @Test
    void theBreakersFallbackIsNoCallersToReadNorToWriteIntoTheLogs() throws Exception {
        String marker = "FORGED-" + UUID.randomUUID();
        for (String path : List.of("/fallback/reporting-service", "/fallback/" + marker, "/fallback/x?why=" + marker)) {
            HttpResponse<String> answer = get(platform.gateway() + path, platform.token("viewer"));
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
        }
        assertThat(Files.readString(platform.dataDir().resolve("logs/gateway.log"))).doesNotContain(marker);
    }
}
