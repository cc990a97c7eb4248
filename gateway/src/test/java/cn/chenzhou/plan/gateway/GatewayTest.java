package cn.chenzhou.plan.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.chenzhou.plan.chassis.testing.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway in front of a real downstream server: who gets in, what reaches the service, how a flood from one
 * client is contained, and what callers see while a service is down and after it returns.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class GatewayTest {
    private static final DownstreamService PROJECTS = new DownstreamService(freePort());
    private static final DownstreamService FUNDING = new DownstreamService(freePort());
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        PROJECTS.start();
        FUNDING.start();
        registry.add("PROJECT_SERVICE_URL", PROJECTS::url);
        registry.add("FUNDING_SERVICE_URL", FUNDING::url);
        registry.add("platform.security.public-key-location", TestTokens::publicKeyLocation);
        registry.add("platform.security.issuer", () -> TestTokens.ISSUER);
        registry.add("client.gateway.secret", () -> "test-secret-not-used-for-api-calls");
        registry.add("platform.rate-limit.requests-per-period", () -> "20");
        registry.add("platform.rate-limit.period", () -> "30s");
        registry.add("resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state", () -> "1s");
        registry.add("spring.cloud.gateway.server.webflux.httpclient.connect-timeout", () -> "500");
    }

    @AfterAll
    static void stopDownstream() {
        PROJECTS.stop();
        FUNDING.stop();
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private HttpResponse<String> get(String path, String token, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anApiCallWithAValidTokenReachesTheServiceWithItsTokenAndOneRequestId() throws Exception {
        String token = TestTokens.county("431002");
        HttpResponse<String> response = get("/api/projects/p-1", token, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/projects/p-1");
        assertThat(PROJECTS.lastAuthorization.get()).isEqualTo("Bearer " + token);
        assertThat(response.headers().allValues("X-Request-Id")).hasSize(1).containsExactly(PROJECTS.lastRequestId.get());
    }

    /**
     * A caller's trace goes on to the service (its trace id kept, under a span of the gateway's own), but whether it is
     * recorded is the platform's decision (everything, here), not the caller's sampled flag.
     */
    @Test
    void aCallersTraceIsContinuedButItsSamplingDecisionIsThePlatforms() throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String callerSpan = "b7ad6b7169203331";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/projects/p-1")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestTokens.county("431002"))
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-00").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String passedOn = PROJECTS.lastTraceParent.get();
        assertThat(passedOn).as("the traceparent the service got").matches("00-" + traceId + "-[0-9a-f]{16}-01");
        assertThat(passedOn).doesNotContain(callerSpan);
    }

    @Test
    void withoutAValidTokenAnApiCallIs401ProblemJsonAndNeverReachesTheService() throws Exception {
        for (String token : new String[] {null, TestTokens.expired(), TestTokens.expiredAgo(Duration.ofSeconds(30)),
                TestTokens.signedByAnotherKey(), TestTokens.unsigned()}) {
            PROJECTS.lastAuthorization.set("untouched");
            HttpResponse<String> response = get("/api/projects/p-1", token, "application/json");
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
            assertThat(PROJECTS.lastAuthorization.get()).isEqualTo("untouched");
        }
    }

    @Test
    void aBrowserAskingForTheDashboardIsSentToSignIn() throws Exception {
        HttpResponse<String> response = get("/dashboard", null, "text/html,application/xhtml+xml");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/oauth2/authorization/platform"));
        HttpResponse<String> signIn = get("/oauth2/authorization/platform", null, "text/html");
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .contains("/oauth2/authorize").contains("client_id=gateway").contains("code_challenge="));
    }

    @Test
    void healthAndMetricsAnswerOnTheLoopbackManagementPortAndNotBehindThePublicOne() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : List.of("/actuator/health", "/actuator/prometheus")) {
            HttpResponse<String> local = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(local.statusCode()).as(path).isEqualTo(200);
        }
        assertThat(get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", TestTokens.county("431002"), null).statusCode()).isEqualTo(404);
        assertThat(get("/actuator/health", TestTokens.county("431002"), null).statusCode()).isEqualTo(404);
    }

    @Test
    void aFloodFromOneCountyIsCutOffWith429WhileAnotherCountyIsStillServed() throws Exception {
        String flooding = TestTokens.county("431021");
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> limited = null;
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> r = get("/api/projects/flood", flooding, null);
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                limited = r;
            }
        }
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(20);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(20);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

        assertThat(get("/api/projects/other", TestTokens.county("431022"), null).statusCode()).isEqualTo(200);
    }

    @Test
    void aStoppedServiceAnswers503ProblemJsonAndTheRouteRecoversWhenItReturns() throws Exception {
        String token = TestTokens.finance();
        assertThat(get("/api/funding/x", token, null).statusCode()).isEqualTo(200);
        FUNDING.stop();
        try {
            for (int i = 0; i < 8; i++) {
                HttpResponse<String> r = get("/api/funding/x", token, null);
                assertThat(r.statusCode()).isEqualTo(503);
                assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
                assertThat(r.body()).contains("funding-service");
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
            }
        } finally {
            FUNDING.start();
        }
        // each probe as a client of its own, so the probes never meet the rate limit
        java.util.concurrent.atomic.AtomicInteger probe = new java.util.concurrent.atomic.AtomicInteger();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> get("/api/funding/x",
                TestTokens.forSubject("finance-probe-" + probe.incrementAndGet(), "FINANCE", null), null).statusCode() == 200);
        // the other routes were never affected
        assertThat(get("/api/projects/y", TestTokens.admin(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void aCallerAskingForAFallbackItselfIsToldItDoesNotExistAndNothingOfItsRequestIsLogged(CapturedOutput output)
            throws Exception {
        for (String path : new String[] {"/fallback/project-service", "/fallback/ALERT-forged-by-a-caller",
                "/fallback/x?why=ALERT-forged-by-a-caller"}) {
            HttpResponse<String> response = get(path, TestTokens.viewer(), null);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
        assertThat(output.getAll()).doesNotContain("ALERT-forged-by-a-caller").doesNotContain("project-service failed");
    }

    @Test
    void whatTheFallbackLogsCannotForgeALogLine() {
        assertThat(LogText.escape("funding-service\n2026-12-06 WARN forged\u202Eline")).doesNotContain("\n")
                .doesNotContain("\u202E").contains("\\u000a").contains("\\u202e");
        assertThat(LogText.escape("x".repeat(5000))).hasSizeLessThan(LogText.MAX_LENGTH + 10);
    }

    @Test
    void aBurstOfSixtyConcurrentRequestsToASlowServiceIsServedNotCutOffAsIfTheServiceWereDown() throws Exception {
        // sixty county staff at once (each their own client, so no rate limit applies), each request held 0.5 s
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/projects/slow"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + TestTokens.forSubject("county-burst-" + i, "COUNTY", "431002")).build();
            burst.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = burst.stream().map(f -> f.join().statusCode()).toList();
        assertThat(statuses).containsOnly(200);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
