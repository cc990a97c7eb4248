package cn.chenzhou.plan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Whatever one caller sends, it cannot open a service's circuit breaker and so shut every county out: its refusals
 * (4xx) are the service answering, its crowd of slow requests meets its own in-flight limit (429) before it fills the
 * service's bulkhead, and a bulkhead full of many callers' requests sheds load without judging the service failed.
 * (The gateway's per-service bulkhead is 8 calls here, each caller may have 4 in flight.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CallersCannotOpenABreakerTest {
    private static final DownstreamService PROJECTS = new DownstreamService(freePort());
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        PROJECTS.start();
        registry.add("PROJECT_SERVICE_URL", PROJECTS::url);
        registry.add("platform.security.public-key-location", TestTokens::publicKeyLocation);
        registry.add("platform.security.issuer", () -> TestTokens.ISSUER);
        registry.add("client.gateway.secret", () -> "test-secret-not-used-for-api-calls");
        registry.add("platform.rate-limit.requests-per-period", () -> "1000");
        registry.add("platform.rate-limit.max-in-flight", () -> "4");
        registry.add("resilience4j.bulkhead.configs.default.max-concurrent-calls", () -> "8");
    }

    @AfterAll
    static void stopDownstream() {
        PROJECTS.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry breakers;

    private CompletableFuture<HttpResponse<String>> get(String path, String token) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private CircuitBreaker projectsBreaker() {
        return breakers.circuitBreaker("project-service");
    }

    @Test
    void aBurstOfRefusalsIsTheServiceAnsweringAndLeavesTheBreakerClosed() {
        String caller = TestTokens.forSubject("viewer-refused", "VIEWER", null);
        List<Integer> statuses = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            for (String status : List.of("400", "403", "404", "409", "422")) {
                statuses.add(get("/api/projects/status/" + status, caller).join().statusCode());
            }
        }
        assertThat(statuses).doesNotContain(503);
        assertThat(projectsBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(projectsBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(get("/api/projects/p-1", TestTokens.county("431002")).join().statusCode()).isEqualTo(200);
    }

    @Test
    void oneCallersCrowdOfSlowRequestsMeetsItsOwnLimitWhileAnotherCallerIsServed() {
        String crowding = TestTokens.forSubject("viewer-crowding", "VIEWER", null);
        List<CompletableFuture<HttpResponse<String>>> crowd = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            crowd.add(get("/api/projects/slow", crowding));
        }
        // while the crowd's four admitted requests are held, another county is answered
        HttpResponse<String> other = get("/api/projects/p-2", TestTokens.county("431003")).join();
        List<HttpResponse<String>> answers = crowd.stream().map(CompletableFuture::join).toList();

        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 429).contains(429);
        HttpResponse<String> refused = answers.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.body()).contains("rate-limited").contains("in flight");
        assertThat(projectsBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aFullBulkheadShedsLoadWithoutOpeningTheBreaker() {
        // six callers, four slow requests each: 24 at once for a bulkhead of 8
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int caller = 0; caller < 6; caller++) {
            String token = TestTokens.forSubject("county-crowd-" + caller, "COUNTY", "431021");
            for (int i = 0; i < 4; i++) {
                burst.add(get("/api/projects/slow", token));
            }
        }
        List<Integer> statuses = burst.stream().map(f -> f.join().statusCode()).toList();
        assertThat(statuses).containsOnly(200, 503).contains(503);

        assertThat(projectsBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(get("/api/projects/p-3", TestTokens.county("431022")).join().statusCode()).isEqualTo(200);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
