package cn.chenzhou.plan.chassis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestInfrastructure;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A request's W3C trace goes on with what it changed: the service continues the caller's trace, stores its own span's
 * context with the event, and the event carries it on the bus as the CloudEvents {@code traceparent} extension; a
 * refusal names the trace, and a request without an {@code X-Request-Id} takes the trace id as its request id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=widget-service")
class TraceAcrossTheBusTest {
    private static final String COUNTY = "431023";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "chassis_trace_test");
        TestInfrastructure.createTopics(WidgetApplication.TOPIC,
                cn.chenzhou.plan.contracts.Topics.deadLetterOf(WidgetApplication.TOPIC));
    }

    @LocalServerPort
    int port;

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private Http.Response post(String json, String traceParent) {
        Http http = Http.local(port);
        HttpRequest.Builder request = http.builder("/widgets", TestTokens.county(COUNTY))
                .header("Content-Type", "application/json")
                .header("traceparent", traceParent)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return http.send(request);
    }

    @Test
    void theEventCarriesTheTraceOfTheRequestThatMadeTheChange() {
        String traceId = randomHex(16);
        String callerSpan = randomHex(8);
        String id = "w-" + UUID.randomUUID();
        try (EventProbe probe = new EventProbe(WidgetApplication.TOPIC)) {
            Http.Response answer = post("""
                    {"id":"%s","county":"%s","name":"trace sorter","price":"12.50"}""".formatted(id, COUNTY),
                    "00-" + traceId + "-" + callerSpan + "-01");
            assertThat(answer.status()).isEqualTo(201);

            List<ConsumerRecord<String, byte[]>> events = probe.await(1, Duration.ofSeconds(20));
            String traceParent = EventProbe.header(events.get(0), "ce_traceparent");
            assertThat(traceParent).as("the event's traceparent").matches("00-" + traceId + "-[0-9a-f]{16}-01");
            // the service's own span, a child of the caller's: not the caller's span itself
            assertThat(traceParent.split("-")[2]).isNotEqualTo(callerSpan).isNotEqualTo("0000000000000000");
        }
    }

    @Test
    void aRefusalNamesTheTraceAndTheTraceIdIsTheRequestIdWhenNoneWasGiven() {
        String traceId = randomHex(16);
        Http.Response refused = post("""
                {"id":"w-%s","county":"%s","name":"","price":"-1"}""".formatted(UUID.randomUUID(), COUNTY),
                "00-" + traceId + "-" + randomHex(8) + "-01");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("traceId").asString()).isEqualTo(traceId);
        assertThat(refused.json().path("requestId").asString()).isEqualTo(traceId);
        assertThat(refused.header("X-Request-Id")).isEqualTo(traceId);
    }
}
