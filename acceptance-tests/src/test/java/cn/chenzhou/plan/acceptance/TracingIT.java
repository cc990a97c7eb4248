package cn.chenzhou.plan.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "An allocation was accepted at 10:02 but the dashboard showed it at 10:04 — where did it wait?" On the platform as
 * {@code ./platform up} starts it, with its Zipkin: a county portal's command through the gateway becomes one trace
 * holding the gateway's span, the service's (the command and its store write), the relay's publish of the event and
 * reporting's apply of it, each caused by the one before; a refused command's problem+json names its trace.
 */
class TracingIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COUNTY = "431023";
    private static RunningPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = RunningPlatform.shared();
    }

    @Test
    void aCountysCommandIsOneTraceFromTheGatewayThroughTheBusToReporting() throws Exception {
        String traceId = hex(16);
        String callerSpan = hex(8);
        HttpResponse<String> drafted = draft(platform.token("county-" + COUNTY), draftBody(),
                "00-" + traceId + "-" + callerSpan + "-01");
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);

        // spans reach Zipkin in batches, each process on its own schedule: wait for the last of the four
        List<JsonNode> spans = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            spans.clear();
            spans.addAll(trace(traceId));
            return find(spans, "reporting-service", "CONSUMER", "reporting apply").isPresent()
                    && find(spans, "project-service", "PRODUCER", "outbox publish").isPresent()
                    && find(spans, "project-service", "SERVER", null).isPresent()
                    && find(spans, "gateway", "SERVER", null).isPresent();
        });
        JsonNode gateway = find(spans, "gateway", "SERVER", null).orElseThrow();
        JsonNode service = find(spans, "project-service", "SERVER", null).orElseThrow();
        JsonNode publish = find(spans, "project-service", "PRODUCER", "outbox publish").orElseThrow();
        JsonNode apply = find(spans, "reporting-service", "CONSUMER", "reporting apply").orElseThrow();

        // caused by one another: the service's span descends from the gateway's (through the gateway's call to it);
        // the publish and the apply descend from the service's span, under the span that stored the event (whose
        // context the event carried): both are children of that one span
        String names = spans.stream().map(s -> s.path("localEndpoint").path("serviceName").asString() + ":"
                + s.path("name").asString() + ":" + id(s) + "<" + s.path("parentId").asString("-")).toList().toString();
        assertThat(ancestors(spans, service)).as("the service span's ancestors in %s", names).contains(id(gateway));
        assertThat(ancestors(spans, publish)).as("the publish span's ancestors in %s", names).contains(id(service));
        assertThat(apply.path("parentId").asString()).as("the apply span's parent in %s", names)
                .isEqualTo(publish.path("parentId").asString());
        assertThat(gateway.path("parentId").asString()).as("the gateway's span is a child of the caller's")
                .isEqualTo(callerSpan);
        // and in that order in time
        assertThat(start(gateway)).isLessThanOrEqualTo(start(service));
        assertThat(start(service)).isLessThanOrEqualTo(start(publish));
        assertThat(start(publish)).isLessThanOrEqualTo(start(apply));
        assertThat(publish.path("tags").path("messaging.destination.name").asString()).isEqualTo("projects.events");
    }

    @Test
    void aRefusedCommandsProblemNamesItsTrace() throws Exception {
        String token = platform.token("county-" + COUNTY);
        // refused by the service
        String continued = hex(16);
        HttpResponse<String> invalid = draft(token, "{\"county\":\"" + COUNTY + "\"}", traceParent(continued));
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).path("traceId").asString()).isEqualTo(continued);
        // refused by the gateway itself
        String unauthenticated = hex(16);
        HttpResponse<String> noToken = draft(null, draftBody(), traceParent(unauthenticated));
        assertThat(noToken.statusCode()).as(noToken.body()).isEqualTo(401);
        assertThat(JSON.readTree(noToken.body()).path("traceId").asString()).isEqualTo(unauthenticated);
        // a caller that sends no trace gets one started by the gateway: its id is the request id and is in Zipkin
        HttpResponse<String> fresh = draft(token, "{\"county\":\"" + COUNTY + "\"}", null);
        assertThat(fresh.statusCode()).isEqualTo(400);
        String started = JSON.readTree(fresh.body()).path("traceId").asString();
        assertThat(started).matches("[0-9a-f]{32}");
        assertThat(fresh.headers().firstValue("X-Request-Id")).hasValue(started);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                find(trace(started), "gateway", "SERVER", null).isPresent());
    }

    private static String draftBody() {
        return """
                {"county":"%s","title":"永兴县稀贵金属再生利用技术示范","programme":"LIVELIHOOD",
                 "level":"MUNICIPAL","applicant":{"name":"永兴县测试有限公司","creditCode":"91431023MA4L5EAY54"},
                 "requestedAmount":300000,"period":{"start":"2013-05-01","end":"2014-10-31"},
                 "contact":{"name":"李明","phone":"0735-6321234"},"draftedOn":"2013-05-01"}""".formatted(COUNTY);
    }

    private static HttpResponse<String> draft(String token, String body, String traceParent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gateway() + "/api/projects"))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (traceParent != null) {
            request.header("traceparent", traceParent);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The trace's spans as Zipkin holds them now (none yet: an empty list). */
    private static List<JsonNode> trace(String traceId) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                        platform.zipkin() + "/api/v2/trace/" + traceId))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return List.of();
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> spans = new ArrayList<>();
        JSON.readTree(response.body()).forEach(spans::add);
        return spans;
    }

    private static Optional<JsonNode> find(List<JsonNode> spans, String service, String kind, String name) {
        Predicate<JsonNode> named = s -> name == null || name.equals(s.path("name").asString());
        return spans.stream()
                .filter(s -> service.equals(s.path("localEndpoint").path("serviceName").asString()))
                .filter(s -> kind.equals(s.path("kind").asString()))
                .filter(named)
                .findFirst();
    }

    private static List<String> ancestors(List<JsonNode> spans, JsonNode span) {
        Map<String, String> parents = new HashMap<>();
        spans.forEach(s -> parents.put(id(s), s.path("parentId").asString(null)));
        List<String> ancestors = new ArrayList<>();
        for (String p = parents.get(id(span)); p != null && !ancestors.contains(p); p = parents.get(p)) {
            ancestors.add(p);
        }
        return ancestors;
    }

    private static String id(JsonNode span) {
        return span.path("id").asString();
    }

    private static long start(JsonNode span) {
        return span.path("timestamp").asLong();
    }

    private static String traceParent(String traceId) {
        return "00-" + traceId + "-" + hex(8) + "-01";
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
