package cn.chenzhou.plan.chassis.testing;

import cn.chenzhou.plan.contracts.testing.EventSchemas;
import cn.chenzhou.plan.stack.SharedInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches a topic from "now" on, for tests that must see exactly which events a command produced —
 * and that nothing was published when a command was refused. Every event it sees on an event topic is held to the
 * JSON Schema it names ({@link EventSchemas}): a non-conforming event fails the test that watched it. A dead-letter
 * topic ({@code .dlt}) holds what was refused as malformed, so its records are not.
 */
public final class EventProbe implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public EventProbe(String topic) {
        // as many partitions as the platform's topics have, or a probe made first would miss some
        TestInfrastructure.createTopics(topic);
        Map<String, Object> config = SharedInfrastructure.kafkaClient();
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Polls until {@code count} records arrived or the timeout passed; returns all seen so far. */
    public List<ConsumerRecord<String, byte[]>> await(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.size() < count && System.nanoTime() < deadline) {
            poll();
        }
        return List.copyOf(seen);
    }

    /**
     * Polls until {@code count} events keyed by {@code key} (an aggregate's id) were seen, or the timeout; returns those.
     * Other aggregates' events may come first: the relay publishes a batch of aggregates round by round.
     */
    public List<ConsumerRecord<String, byte[]>> awaitKeyed(String key, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, byte[]>> keyed = keyed(key);
        while (keyed.size() < count && System.nanoTime() < deadline) {
            poll();
            keyed = keyed(key);
        }
        return keyed;
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
            if (!record.topic().endsWith(".dlt")) {
                EventSchemas.requireConforming(header(record, "ce_type"), header(record, "ce_dataschema"), record.value(),
                        record.topic() + "/" + record.partition() + "@" + record.offset() + ", key " + record.key());
            }
            seen.add(record);
        }
    }

    private List<ConsumerRecord<String, byte[]>> keyed(String key) {
        return seen.stream().filter(r -> key.equals(r.key())).toList();
    }

    /** Polls for a quiet period and returns everything seen: use to prove that nothing (more) was published. */
    public List<ConsumerRecord<String, byte[]>> drain(Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            poll();
        }
        return List.copyOf(seen);
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
