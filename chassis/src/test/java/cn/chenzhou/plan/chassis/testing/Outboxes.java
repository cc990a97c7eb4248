package cn.chenzhou.plan.chassis.testing;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Test helpers around the outbox: wait until a database has published everything, read what a probe saw. */
public final class Outboxes {
    private Outboxes() {
    }

    /**
     * Waits until no document of the database holds an unpublished event: the relay has published everything stored
     * so far, so a probe created next sees only what follows.
     */
    public static void awaitEmpty(MongoTemplate mongo) {
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(mongo) == 0);
    }

    public static long pending(MongoTemplate mongo) {
        long pending = 0;
        for (String collection : mongo.getCollectionNames()) {
            pending += mongo.getCollection(collection).countDocuments(new Document("_pending", true));
        }
        return pending;
    }

    public static List<ConsumerRecord<String, byte[]>> about(List<ConsumerRecord<String, byte[]>> records, String subject) {
        return records.stream().filter(r -> subject.equals(r.key())).toList();
    }

    public static String type(ConsumerRecord<String, byte[]> record) {
        return EventProbe.header(record, "ce_type");
    }

    public static String data(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
