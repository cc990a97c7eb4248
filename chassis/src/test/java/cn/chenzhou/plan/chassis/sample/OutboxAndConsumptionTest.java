package cn.chenzhou.plan.chassis.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestInfrastructure;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.stack.SharedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The chassis on the real Kafka broker and MongoDB-wire server: an event leaves if and only if its change was
 * stored, survives a broker outage, and a poison event is set aside.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=widget-service")
class OutboxAndConsumptionTest {
    private static final String COUNTY = "431023";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "chassis_outbox_test");
        TestInfrastructure.createTopics(WidgetApplication.TOPIC, cn.chenzhou.plan.contracts.Topics.deadLetterOf(WidgetApplication.TOPIC));
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    private Http http() {
        return Http.local(port);
    }

    private static String widget(String id) {
        return """
                {"id":"%s","county":"%s","name":"rare-metal sorter","price":"1234.50"}""".formatted(id, COUNTY);
    }

    @Test
    void everyWriteIsAcknowledgedOnlyOnceItIsInTheStoresJournal() {
        assertThat(mongo.getDb().getWriteConcern()).isEqualTo(com.mongodb.WriteConcern.JOURNALED);
    }

    @Test
    void aStoredChangeIsPublishedOnceAsACloudEventWithCountyActorAndSequence() {
        String id = "w-" + UUID.randomUUID();
        try (EventProbe probe = new EventProbe(WidgetApplication.TOPIC)) {
            assertThat(http().post("/widgets", TestTokens.county(COUNTY), widget(id)).status()).isEqualTo(201);

            List<ConsumerRecord<String, byte[]>> events = probe.await(1, Duration.ofSeconds(20));
            assertThat(events).hasSize(1);
            ConsumerRecord<String, byte[]> event = events.get(0);
            assertThat(event.key()).isEqualTo(id);
            assertThat(EventProbe.header(event, "ce_specversion")).isEqualTo("1.0");
            assertThat(EventProbe.header(event, "ce_type")).isEqualTo("cn.chenzhou.plan.widget.created.v1");
            assertThat(EventProbe.header(event, "ce_source")).isEqualTo("/widget-service");
            assertThat(EventProbe.header(event, "ce_subject")).isEqualTo(id);
            assertThat(EventProbe.header(event, "ce_county")).isEqualTo(COUNTY);
            assertThat(EventProbe.header(event, "ce_actor")).isEqualTo("county-" + COUNTY);
            assertThat(EventProbe.header(event, "ce_sequence")).isEqualTo("1");
            assertThat(EventProbe.header(event, "ce_dataschema")).isEqualTo("urn:cn-chenzhou-plan:schema:widget.created.v1");
            assertThat(new String(event.value(), StandardCharsets.UTF_8)).contains("\"priceFen\":123450");
            assertThat(probe.drain(Duration.ofMillis(800))).hasSize(1);
        }
    }

    @Test
    void anEventStoredWhileTheBrokerIsDownArrivesOnceWhenItReturns() {
        String id = "w-" + UUID.randomUUID();
        try (EventProbe probe = new EventProbe(WidgetApplication.TOPIC)) {
            SharedInfrastructure.stopKafka();
            try {
                assertThat(http().post("/widgets", TestTokens.county(COUNTY), widget(id)).status()).isEqualTo(201);
                assertThat(pendingOutbox(id)).isEqualTo(1);
            } finally {
                SharedInfrastructure.restartKafka();
            }
            List<ConsumerRecord<String, byte[]>> events = probe.await(1, Duration.ofSeconds(60));
            assertThat(events).extracting(ConsumerRecord::key).containsExactly(id);
            await().atMost(Duration.ofSeconds(20)).until(() -> pendingOutbox(id) == 0);
            assertThat(probe.drain(Duration.ofSeconds(1))).hasSize(1);
        }
    }

    /**
     * What an operator sees of it: the backlog and the age of its oldest event rise while the broker is away (read from
     * the store, not from the relay), and fall to nothing when it returns; each publish is timed from the change.
     */
    @Test
    void theOutboxBacklogShowsInTheMetricsWhileTheBrokerIsAwayAndEmptiesWhenItReturns() {
        String id = "w-" + UUID.randomUUID();
        // the gauges are counted in the store every 5 s
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxGauge("platform.outbox.backlog") == 0);
        double publishedBefore = publishedEvents();
        try (EventProbe probe = new EventProbe(WidgetApplication.TOPIC)) {
            SharedInfrastructure.stopKafka();
            try {
                assertThat(http().post("/widgets", TestTokens.county(COUNTY), widget(id)).status()).isEqualTo(201);
                await().atMost(Duration.ofSeconds(30)).until(() -> outboxGauge("platform.outbox.backlog") == 1
                        && outboxGauge("platform.outbox.oldest.pending") >= 1);
            } finally {
                SharedInfrastructure.restartKafka();
            }
            probe.await(1, Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(30)).until(() -> outboxGauge("platform.outbox.backlog") == 0
                    && outboxGauge("platform.outbox.oldest.pending") == 0);
        }
        assertThat(publishedEvents()).isEqualTo(publishedBefore + 1);
        assertThat(meters.getMeters()).as("the relay's producer's own metrics")
                .anyMatch(m -> m.getId().getName().startsWith("kafka.producer.")
                        && "widget-service-outbox".equals(m.getId().getTag("client.id")));
    }

    private double outboxGauge(String name) {
        return meters.get(name).tag("collection", "widgets").gauge().value();
    }

    private double publishedEvents() {
        var timer = meters.find("platform.outbox.publish.latency").tag("topic", WidgetApplication.TOPIC).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void aRefusedWriteStoresNothingAndPublishesNothing() {
        String id = "w-" + UUID.randomUUID();
        try (EventProbe probe = new EventProbe(WidgetApplication.TOPIC)) {
            var badCounty = http().post("/widgets", TestTokens.admin(), widget(id).replace(COUNTY, "110101"));
            assertThat(badCounty.status()).isEqualTo(400);
            assertThat(badCounty.contentType()).startsWith("application/problem+json");
            assertThat(badCounty.json().get("errors").get(0).get("field").asString()).isEqualTo("county");

            var otherCounty = http().post("/widgets", TestTokens.county("431002"), widget(id));
            assertThat(otherCounty.status()).isEqualTo(403);

            assertThat(mongo.getCollection("widgets").countDocuments(new Document("_id", id))).isZero();
            assertThat(probe.drain(Duration.ofSeconds(1))).isEmpty();

            assertThat(http().post("/widgets", TestTokens.admin(), widget(id)).status()).isEqualTo(201);
            var duplicate = http().post("/widgets", TestTokens.admin(), widget(id));
            assertThat(duplicate.status()).isEqualTo(409);
            assertThat(probe.drain(Duration.ofSeconds(1))).hasSize(1);
        }
    }

    @Test
    void theLoserOfTwoConcurrentEditsGetsAConflictAndOnlyTheWinnerIsPublished() {
        String id = "w-" + UUID.randomUUID();
        assertThat(http().post("/widgets", TestTokens.admin(), widget(id)).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> pendingOutbox(id) == 0);
        try (EventProbe probe = new EventProbe(WidgetApplication.TOPIC)) {
            var first = http().put("/widgets/" + id + "/name?version=1", TestTokens.admin(), "{\"name\":\"A\"}");
            var second = http().put("/widgets/" + id + "/name?version=1", TestTokens.admin(), "{\"name\":\"B\"}");
            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).isEqualTo(409);
            List<ConsumerRecord<String, byte[]>> events = probe.drain(Duration.ofSeconds(2));
            assertThat(events).hasSize(1);
            assertThat(EventProbe.header(events.get(0), "ce_sequence")).isEqualTo("2");
        }
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicWithItsReasonAndTheConsumerCarriesOn() throws Exception {
        try (EventProbe dlt = new EventProbe(Topics.deadLetterOf(WidgetApplication.TOPIC));
             KafkaProducer<String, byte[]> producer = rawProducer()) {
            producer.send(new ProducerRecord<>(WidgetApplication.TOPIC, "poison", "{not json".getBytes(StandardCharsets.UTF_8))).get();

            List<ConsumerRecord<String, byte[]>> dead = dlt.await(1, Duration.ofSeconds(30));
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).key()).isEqualTo("poison");
            assertThat(EventProbe.header(dead.get(0), "kafka_dlt-exception-message")).contains("not a CloudEvent");
            assertThat(EventProbe.header(dead.get(0), "kafka_dlt-original-topic")).isEqualTo(WidgetApplication.TOPIC);
        }
        String id = "w-" + UUID.randomUUID();
        http().post("/widgets", TestTokens.admin(), widget(id));
        await().atMost(Duration.ofSeconds(20)).until(() -> applied(id) == 1);
    }

    private long pendingOutbox(String id) {
        Document doc = mongo.getCollection("widgets").find(new Document("_id", id)).first();
        return doc == null ? -1 : doc.getList("_outbox", Document.class).size();
    }

    private int applied(String id) {
        Document doc = mongo.getCollection("widget_view").find(new Document("_id", id)).first();
        return doc == null ? 0 : doc.getInteger("applied");
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(SharedInfrastructure.kafkaClient(), new StringSerializer(), new ByteArraySerializer());
    }
}
