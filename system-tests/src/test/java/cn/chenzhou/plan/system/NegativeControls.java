package cn.chenzhou.plan.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Proof that the store-against-topic check can fail: after the real reconciliation, two test doubles plant exactly the
 * faults it exists to find, and each must be caught, naming the aggregate. One drops the last event of an aggregate
 * from what the check reads (as a relay that lost it would); the other publishes to the real topic an event whose
 * aggregate was never stored (as a relay that published before a store lost the write would).
 */
final class NegativeControls {
    private NegativeControls() {
    }

    /** @return one line per control, "caught: …" or "MISSED: …" */
    static List<String> run(Reconciliation reconciled, Deployment platform) {
        List<String> results = new ArrayList<>();
        String dropped = reconciled.topic.byAggregate.entrySet().stream()
                .filter(e -> e.getKey().startsWith("projects.events/"))
                .max(Comparator.comparingInt(e -> e.getValue().size()))
                .map(Map.Entry::getKey).orElseThrow();
        Check withoutLast = StoreVersusTopic.check(reconciled.store, reconciled.topic.withoutLastEventOf(dropped));
        results.add(verdict("the last event of " + dropped + " dropped", withoutLast, dropped));

        String ghost = UUID.randomUUID().toString();
        publishUnstored(platform.kafkaClient(), ghost);
        Check withGhost = StoreVersusTopic.check(reconciled.store, TopicSnapshot.read(platform.kafkaClient()));
        results.add(verdict("an event published for " + ghost + ", which was never stored", withGhost,
                "projects.events/" + ghost));
        return results;
    }

    private static String verdict(String planted, Check check, String aggregate) {
        boolean caught = !check.passed() && check.discrepancies.stream().anyMatch(d -> d.startsWith(aggregate));
        return (caught ? "caught: " : "MISSED: ") + planted + (caught ? " — " + check.discrepancies.stream()
                .filter(d -> d.startsWith(aggregate)).findFirst().orElseThrow() : "");
    }

    private static void publishUnstored(Map<String, Object> client, String aggregate) {
        Map<String, Object> props = new java.util.HashMap<>(client);
        props.put("acks", "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>("projects.events", aggregate,
                    "{}".getBytes(StandardCharsets.UTF_8));
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", UUID.randomUUID().toString());
            header(record, "ce_type", "cn.chenzhou.plan.project.drafted.v1");
            header(record, "ce_source", "/negative-control");
            header(record, "ce_subject", aggregate);
            header(record, "ce_sequence", "1");
            header(record, "ce_county", "431023");
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the negative control's event", e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
