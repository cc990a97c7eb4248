package cn.chenzhou.plan.reporting.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestInfrastructure;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.contracts.registry.DesignationGranted;
import cn.chenzhou.plan.contracts.registry.RegistryEvents;
import cn.chenzhou.plan.reporting.testing.EventFeed;
import cn.chenzhou.plan.stack.SharedInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not part of the suite (run with {@code -Dtest=RebuildThroughputCheck -Dreporting.throughput=true}): how fast a rebuild reads the topics compared with
 * a bare consumer reading the same records. Prints both; asserts nothing about time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class RebuildThroughputCheck {
    private static final String PREFIX = "it-throughput";
    private static final int EVENTS = Integer.getInteger("reporting.throughput.events", 300_000);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "reporting_throughput_check");
        EventFeed.register(registry, PREFIX);
    }

    @LocalServerPort
    int port;

    @Test
    void aRebuildReadsTheTopicsAtAShareOfABareConsumersRate() throws Exception {
        assumeTrue(Boolean.getBoolean("reporting.throughput"), "throughput check: run with -Dreporting.throughput=true");
        String topic = PREFIX + "." + Topics.REGISTRY;
        JsonMapper json = JsonMapper.builder().build();
        EventFeed shape = new EventFeed(PREFIX);
        List<String> counties = County.codes();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(EventFeed.client(Map.of(
                "linger.ms", 20, "batch.size", 262144, "acks", "1", "enable.idempotence", false)),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < EVENTS; i++) {
                String id = "d-" + (i % (EVENTS / 3));
                String county = counties.get(i % counties.size());
                byte[] data = json.writeValueAsBytes(new DesignationGranted(id, county, "LIGHTING_DEMONSTRATION_UNIT",
                        "MUNICIPAL", "示范单位 " + id, null, "doc-" + i, "2013-0" + (1 + i % 9) + "-15"));
                producer.send(shape.record(RegistryEvents.DESIGNATION_GRANTED, id, county, 1 + i / (EVENTS / 3), data));
            }
            producer.flush();
        }
        shape.close();
        long bare = bareConsumerRate(topic);
        Http http = Http.local(port);
        await().atMost(Duration.ofMinutes(5)).until(() -> "LIVE".equals(http.get("/api/reports/read-model", TestTokens.admin())
                .json().get("state").asString()));
        assertThat(http.post("/api/reports/read-model/rebuild", TestTokens.admin(), "").status()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() ->
                "DONE".equals(http.get("/api/reports/read-model/rebuild", TestTokens.admin()).json().get("state").asString()));
        JsonNode rebuild = http.get("/api/reports/read-model/rebuild", TestTokens.admin()).json();
        long rate = rebuild.get("eventsPerSecond").asLong();
        System.out.printf("THROUGHPUT events=%d bare-consumer=%d/s rebuild=%d/s (%.0f%%)%n", EVENTS, bare, rate, 100.0 * rate / bare);
        assertThat(rebuild.get("eventsRead").asLong()).isEqualTo(EVENTS);
    }

    private static long bareConsumerRate(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(EventFeed.client(Map.of(
                "max.poll.records", 5000, "max.partition.fetch.bytes", 8 * 1024 * 1024)),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long start = System.nanoTime();
            long read = 0;
            while (read < EVENTS) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            return read * 1_000_000_000L / (System.nanoTime() - start);
        }
    }
}
