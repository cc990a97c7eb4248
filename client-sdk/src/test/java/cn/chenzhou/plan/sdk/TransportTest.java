package cn.chenzhou.plan.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK's transport against a scripted stand-in for the gateway and the authorization server (no platform needed):
 * what is retried and with which key, what is waited out, what opens a service's circuit breaker, and what not.
 */
class TransportTest {
    private HttpServer server;
    private final Map<String, Deque<Answer>> script = new HashMap<>();
    private final List<Map<String, String>> seen = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger tokens = new AtomicInteger();
    /** Answers of the authorization server before it issues tokens; then tokens living this long. */
    private final Deque<Answer> tokenAnswers = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private volatile int tokenLifetimeSeconds = 300;
    private PlatformClient client;

    record Answer(int status, String body, Map<String, String> headers) {
        static Answer of(int status, String body) {
            return new Answer(status, body, Map.of());
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth2/token", ex -> {
            Answer scripted = tokenAnswers.poll();
            reply(ex, scripted != null ? scripted : new Answer(200, "{\"access_token\":\"token-" + tokens.incrementAndGet()
                    + "\",\"expires_in\":" + tokenLifetimeSeconds + "}", Map.of()));
        });
        server.createContext("/api", this::api);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        client = PlatformClient.builder().gateway(url).authorizationServer(url).clientCredentials("county-431023", "s")
                .settings(new PlatformClient.Settings(5, Duration.ofMillis(10), Duration.ofSeconds(1),
                        Duration.ofMinutes(1), Duration.ofSeconds(5))).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    private void api(HttpExchange ex) throws IOException {
        Map<String, String> request = new HashMap<>();
        request.put("path", ex.getRequestURI().getPath());
        request.put("method", ex.getRequestMethod());
        request.put("key", ex.getRequestHeaders().getFirst("Idempotency-Key"));
        request.put("requestId", ex.getRequestHeaders().getFirst("X-Request-Id"));
        request.put("authorization", ex.getRequestHeaders().getFirst("Authorization"));
        seen.add(request);
        Deque<Answer> answers = script.get(ex.getRequestURI().getPath());
        Answer a = answers == null || answers.isEmpty() ? Answer.of(200, "{}")
                : answers.size() == 1 ? answers.peek() : answers.poll();
        reply(ex, a);
    }

    private static void reply(HttpExchange ex, Answer a) throws IOException {
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", a.status() >= 400 ? "application/problem+json" : "application/json");
        a.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    private void answer(String path, Answer... answers) {
        script.put(path, new ArrayDeque<>(List.of(answers)));
    }

    private static Answer problem(int status, String type, Map<String, String> headers) {
        return new Answer(status, "{\"type\":\"urn:cn.chenzhou.plan:problem:" + type + "\",\"status\":" + status
                + ",\"detail\":\"" + type + "\"}", headers);
    }

    private List<Map<String, String>> calls(String path) {
        synchronized (seen) {
            return seen.stream().filter(r -> r.get("path").equals(path)).toList();
        }
    }

    @Test
    void aCommandWhoseServiceWasBrieflyUnavailableIsSentAgainWithTheSameIdempotencyKey() {
        answer("/api/funding/secured-funds", problem(503, "service-unavailable", Map.of()),
                problem(503, "service-unavailable", Map.of()), Answer.of(201, "{\"id\":\"sf-1\"}"));
        assertThat(client.post("/api/funding/secured-funds", "{}").get("id").asString()).isEqualTo("sf-1");
        List<Map<String, String>> attempts = calls("/api/funding/secured-funds");
        assertThat(attempts).hasSize(3);
        assertThat(attempts).extracting(r -> r.get("key")).doesNotContainNull().containsOnly(attempts.get(0).get("key"));
        assertThat(attempts).extracting(r -> r.get("requestId")).containsOnly(attempts.get(0).get("requestId"));
    }

    @Test
    void everyCommandCarriesAKeyAndTheCallersOwnKeyIsSentAsGiven() {
        client.post("/api/projects", "{}");
        client.post("/api/projects", "{}");
        client.post("/api/projects", "{}", "demo:p-1:draft");
        client.get("/api/projects");
        List<Map<String, String>> calls = calls("/api/projects");
        assertThat(calls.get(0).get("key")).isNotBlank().isNotEqualTo(calls.get(1).get("key"));
        assertThat(calls.get(2).get("key")).isEqualTo("demo:p-1:draft");
        assertThat(calls.get(3).get("key")).isNull();
    }

    @Test
    void aRefusalIsNotRetried() {
        answer("/api/funding/special-fund/2013/allocations", new Answer(409,
                "{\"type\":\"urn:cn.chenzhou.plan:problem:over-budget\",\"status\":409,\"detail\":\"too much\",\"remaining\":\"100.00\"}", Map.of()));
        assertThatThrownBy(() -> client.post("/api/funding/special-fund/2013/allocations", "{}"))
                .isInstanceOfSatisfying(PlatformApiException.Conflict.class, e -> {
                    assertThat(e.type()).isEqualTo("over-budget");
                    assertThat(e.problem().extension("remaining")).isEqualTo("100.00");
                });
        assertThat(calls("/api/funding/special-fund/2013/allocations")).hasSize(1);
    }

    @Test
    void aRateLimitIsWaitedOutAndDoesNotCountAgainstTheService() {
        answer("/api/registry/platforms", problem(429, "rate-limited", Map.of("Retry-After", "1")),
                problem(429, "rate-limited", Map.of("Retry-After", "0")), Answer.of(200, "{\"items\":[]}"));
        assertThat(client.get("/api/registry/platforms").get("items").isArray()).isTrue();
        assertThat(calls("/api/registry/platforms")).hasSize(3);
        assertThat(client.breakerState("registry")).isEqualTo(CircuitBreaker.State.CLOSED);

        answer("/api/registry/designations", problem(429, "rate-limited", Map.of("Retry-After", "0")));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.get("/api/registry/designations")).isInstanceOf(PlatformApiException.RateLimited.class);
        }
        assertThat(client.breakerState("registry")).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aServiceThatKeepsFailingOpensItsOwnBreakerWhichThenAnswersWithoutCallingIt() {
        answer("/api/funding/special-fund", problem(503, "service-unavailable", Map.of("Retry-After", "0")));
        assertThatThrownBy(() -> client.get("/api/funding/special-fund")).isInstanceOf(PlatformApiException.Unavailable.class);
        assertThat(client.breakerState("funding")).isEqualTo(CircuitBreaker.State.OPEN);
        int before = calls("/api/funding/special-fund").size();

        assertThatThrownBy(() -> client.get("/api/funding/special-fund"))
                .isInstanceOfSatisfying(PlatformApiException.Unavailable.class,
                        e -> assertThat(e.type()).isEqualTo("circuit-open"));
        assertThat(calls("/api/funding/special-fund")).hasSize(before);
        // the other services are judged on their own
        client.get("/api/projects");
        assertThat(client.breakerState("projects")).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void anExpiredTokenIsReplacedAndTheCallGoesThrough() {
        answer("/api/projects/prj-1", problem(401, "unauthenticated", Map.of()), Answer.of(200, "{\"id\":\"prj-1\"}"));
        assertThat(client.get("/api/projects/prj-1").get("id").asString()).isEqualTo("prj-1");
        List<Map<String, String>> attempts = calls("/api/projects/prj-1");
        assertThat(attempts).extracting(r -> r.get("authorization")).containsExactly("Bearer token-1", "Bearer token-2");
        assertThat(tokens).hasValue(2);
    }

    @Test
    void aShortLivedTokenIsKeptForThreeQuartersOfItsLifeAndThenRenewed() throws InterruptedException {
        tokenLifetimeSeconds = 4;
        client.get("/api/projects/prj-1");
        client.get("/api/projects/prj-1");
        // a quarter of its life before it runs out (at most 30 s before), the next call brings a new one
        Thread.sleep(3_200);
        client.get("/api/projects/prj-1");
        assertThat(calls("/api/projects/prj-1")).extracting(r -> r.get("authorization"))
                .containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-2");
    }

    @Test
    void anAuthorizationServerThrottlingThisClientIsWaitedOut() {
        tokenAnswers.add(problem(429, "too-many-sign-in-attempts", Map.of("Retry-After", "1")));
        assertThat(client.get("/api/projects/prj-1")).isNotNull();
        assertThat(calls("/api/projects/prj-1")).extracting(r -> r.get("authorization")).containsExactly("Bearer token-1");
        assertThat(client.breakerState("projects")).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aCommandStillRunningFromAnEarlierAttemptIsWaitedFor() {
        answer("/api/projects/prj-1/submit", problem(409, "idempotency-key-in-progress", Map.of("Retry-After", "0")),
                Answer.of(200, "{\"status\":\"SUBMITTED\"}"));
        assertThat(client.post("/api/projects/prj-1/submit", "{}").get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(calls("/api/projects/prj-1/submit")).hasSize(2);
    }
}
