package cn.chenzhou.plan.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The event topics as a plain consumer reads them from the beginning to their end: every aggregate's events in the
 * order they were published (first deliveries), every later delivery of an event id already seen (a duplicate), and
 * whatever went to a dead-letter topic. Nothing here trusts the platform's own bookkeeping.
 */
final class TopicSnapshot {
    static final List<String> EVENT_TOPICS = List.of("projects.events", "funding.events", "registry.events");

    record Event(String topic, int partition, long offset, String id, String type, String subject, long sequence,
                 String county, byte[] data) {
        String aggregate() {
            return topic + "/" + subject;
        }

        /** Same event: id, aggregate, sequence, type and content. */
        boolean sameAs(Event other) {
            return id.equals(other.id) && aggregate().equals(other.aggregate()) && sequence == other.sequence
                    && type.equals(other.type) && Arrays.equals(data, other.data);
        }
    }

    record Duplicate(Event delivery, Event first) {
    }

    /** First deliveries per aggregate ({@code topic/id}), in offset order. */
    final Map<String, List<Event>> byAggregate = new LinkedHashMap<>();
    final List<Event> all = new ArrayList<>();
    final List<Duplicate> duplicates = new ArrayList<>();
    final List<String> deadLetters = new ArrayList<>();
    long records;

    static TopicSnapshot read(Map<String, Object> client) {
        TopicSnapshot snapshot = new TopicSnapshot();
        Map<String, Object> props = new HashMap<>(client);
        props.putAll(Map.of("group.id", "reconciliation-" + UUID.randomUUID(), "enable.auto.commit", false,
                "max.partition.fetch.bytes", 4 * 1024 * 1024));
        try (Admin admin = Admin.create(client);
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                     new ByteArrayDeserializer())) {
            Set<String> existing = admin.listTopics().names().get();
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : EVENT_TOPICS) {
                for (String t : List.of(topic, topic + ".dlt")) {
                    if (existing.contains(t)) {
                        consumer.partitionsFor(t).forEach(p -> partitions.add(new TopicPartition(t, p.partition())));
                    }
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<String, Event> firstById = new HashMap<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the topics could not be read to their end within 3 minutes");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    snapshot.records++;
                    if (r.topic().endsWith(".dlt")) {
                        snapshot.deadLetters.add(r.topic() + " offset " + r.offset() + ": "
                                + header(r, "kafka_dlt-exception-message"));
                        continue;
                    }
                    Event e = new Event(r.topic(), r.partition(), r.offset(), header(r, "ce_id"), header(r, "ce_type"),
                            header(r, "ce_subject"), Long.parseLong(header(r, "ce_sequence")), header(r, "ce_county"),
                            r.value());
                    snapshot.add(e, firstById);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not read the topics: " + e, e);
        }
        return snapshot;
    }

    void add(Event e, Map<String, Event> firstById) {
        Event first = firstById.putIfAbsent(e.id(), e);
        if (first != null) {
            duplicates.add(new Duplicate(e, first));
            return;
        }
        all.add(e);
        byAggregate.computeIfAbsent(e.aggregate(), k -> new ArrayList<>()).add(e);
    }

    /** The same snapshot without the last event of {@code aggregate}: a negative control's test double. */
    TopicSnapshot withoutLastEventOf(String aggregate) {
        TopicSnapshot copy = new TopicSnapshot();
        Event last = byAggregate.get(aggregate).get(byAggregate.get(aggregate).size() - 1);
        Map<String, Event> firstById = new HashMap<>();
        all.stream().filter(e -> e != last).forEach(e -> copy.add(e, firstById));
        return copy;
    }

    long lastSequence(String aggregate) {
        List<Event> events = byAggregate.getOrDefault(aggregate, List.of());
        return events.stream().mapToLong(Event::sequence).max().orElse(0);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
