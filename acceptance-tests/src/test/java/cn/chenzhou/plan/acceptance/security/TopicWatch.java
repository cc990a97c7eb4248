package cn.chenzhou.plan.acceptance.security;

import cn.chenzhou.plan.contracts.testing.EventSchemas;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A bare Kafka consumer on the owners' event topics, positioned at their ends when opened: everything it reads
 * afterwards was published after that moment. No group, no commits — it only watches. Every event it reads is held
 * to the JSON Schema it names ({@link EventSchemas}): one that breaks it fails the suite that watched it.
 */
public final class TopicWatch implements AutoCloseable {
    public static final List<String> OWNER_TOPICS = List.of("projects.events", "funding.events", "registry.events");

    /** One event as the watch saw it: where, and its CloudEvents attributes. */
    public record Seen(String topic, String type, String subject, String county, String actor, String id) {
        @Override
        public String toString() {
            return type + " of " + subject + " (county " + county + ", actor " + actor + ") on " + topic;
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Seen> seen = new ArrayList<>();

    /** @param client the broker's address and a user who may read the topics (see {@link PlatformUnderTest#kafkaClient}) */
    public TopicWatch(Map<String, Object> client, List<String> topics) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // resolve the end positions now, not lazily at the first poll
        partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
    }

    /** Reads until {@code done} holds for what was seen (or the timeout passes), then {@code grace} longer. */
    public List<Seen> readUntil(Predicate<List<Seen>> done, Duration timeout, Duration grace) {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.test(seen) && Instant.now().isBefore(deadline)) {
            poll(Duration.ofMillis(200));
        }
        Instant graceEnd = Instant.now().plus(grace);
        while (Instant.now().isBefore(graceEnd)) {
            poll(Duration.ofMillis(200));
        }
        return List.copyOf(seen);
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void poll(Duration wait) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(wait)) {
            // a dead-letter topic holds what a consumer refused, a forged or broken event included: as it came
            if (!r.topic().endsWith(".dlt")) {
                EventSchemas.requireConforming(header(r, "ce_type"), header(r, "ce_dataschema"), r.value(),
                        r.topic() + "/" + r.partition() + "@" + r.offset() + ", subject " + header(r, "ce_subject"));
            }
            seen.add(new Seen(r.topic(), header(r, "ce_type"), header(r, "ce_subject"), header(r, "ce_county"),
                    header(r, "ce_actor"), header(r, "ce_id")));
        }
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
