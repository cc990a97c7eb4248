package cn.chenzhou.plan.reporting.testing;

import cn.chenzhou.plan.chassis.testing.TestInfrastructure;
import cn.chenzhou.plan.contracts.EventType;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.contracts.testing.EventSchemas;
import cn.chenzhou.plan.stack.SharedInfrastructure;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes events to the real broker as the other services would: CloudEvents in the Kafka binary binding, keyed by
 * aggregate id, each aggregate's events numbered 1, 2, … in {@code ce_sequence}. Each test class uses topics of its own
 * (a prefix before the usual names) so that the histories of different classes never mix in one JVM's broker.
 */
public final class EventFeed implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final String prefix;
    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, Long> lastSequence = new LinkedHashMap<>();
    private final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();

    public EventFeed(String prefix) {
        this.prefix = prefix;
        this.producer = new KafkaProducer<>(client(Map.of("linger.ms", 0)), new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * The topics of a prefix and their dead-letter topics, created with 3 partitions (the broker creates none by itself),
     * and the property that points reporting at them.
     */
    public static void register(DynamicPropertyRegistry registry, String prefix) {
        List<String> topics = List.of(prefix + "." + Topics.PROJECTS, prefix + "." + Topics.FUNDING, prefix + "." + Topics.REGISTRY);
        List<String> wanted = new ArrayList<>(topics);
        topics.forEach(t -> wanted.add(Topics.deadLetterOf(t)));
        TestInfrastructure.createTopics(wanted.toArray(String[]::new));
        registry.add("reporting.topics", () -> String.join(",", topics));
    }

    /** The test broker's client settings (its administrator), with these added. */
    public static Map<String, Object> client(Map<String, Object> settings) {
        Map<String, Object> client = SharedInfrastructure.kafkaClient();
        client.putAll(settings);
        return client;
    }

    public String topic(EventType type) {
        return prefix + "." + type.topic();
    }

    /**
     * Publishes the next event of an aggregate; returns the record (to send again as a duplicate). The event must
     * conform to its type's JSON Schema, as the owning service's would: the feed stands in for the service.
     */
    public ProducerRecord<String, byte[]> publish(EventType type, String aggregateId, String county, Object data) {
        long sequence = sequences.merge(topic(type) + "/" + aggregateId, 1L, Long::sum);
        byte[] json = JSON.writeValueAsBytes(data);
        EventSchemas.requireConforming(type.type(), type.dataSchema(), json, topic(type) + ", subject " + aggregateId);
        ProducerRecord<String, byte[]> record = record(type, aggregateId, county, sequence, json);
        send(record);
        lastSequence.put(topic(type) + "/" + aggregateId, sequence);
        return record;
    }

    /** A record with any sequence and raw data, for poison and out-of-order cases; from the type's owner, as it would be. */
    public ProducerRecord<String, byte[]> record(EventType type, String aggregateId, String county, long sequence, byte[] data) {
        return record(type, topic(type), Topics.sourceOf(Topics.OWNERS.get(type.topic())), aggregateId, county, sequence, data);
    }

    /** A record of a type on any topic with any source: what a forger would send. */
    public ProducerRecord<String, byte[]> record(EventType type, String topic, String source, String aggregateId, String county,
                                                 long sequence, byte[] data) {
        return KafkaMessageFactory.<String>createWriter(topic, aggregateId).writeBinary(CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString()).withSource(URI.create(source)).withType(type.type())
                .withSubject(aggregateId).withTime(OffsetDateTime.now()).withDataSchema(URI.create(type.dataSchema()))
                .withDataContentType("application/json")
                .withExtension("county", county).withExtension("actor", "test-feed").withExtension("sequence", sequence)
                .withData(data).build());
    }

    public void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
            sent.add(record);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish", e);
        }
    }

    /** Every record sent so far, in order. */
    public List<ProducerRecord<String, byte[]>> sent() {
        return List.copyOf(sent);
    }

    /** Each aggregate published to ({@code <topic>/<id>}) with the sequence of its last event. */
    public Map<String, Long> lastSequences() {
        return Map.copyOf(lastSequence);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
