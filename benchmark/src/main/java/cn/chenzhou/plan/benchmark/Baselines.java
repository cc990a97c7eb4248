package cn.chenzhou.plan.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * What the machine allows, measured against the platform's own infrastructure in the same run: inserts per second
 * into its MongoDB-wire server from a bare driver loop, and records per second into its Kafka broker from a bare
 * producer. Both leave nothing behind (the database and the topic are dropped).
 */
final class Baselines {
    static final int RECORD_BYTES = 300;

    private Baselines() {
    }

    /**
     * Result of a baseline.
     *
     * @param perSecond operations (inserts or records) acknowledged per second
     */
    record Rate(String what, String method, long operations, double seconds, double perSecond) {
    }

    /** {@code threads} loops each inserting 300-byte documents (one unique index besides _id) one at a time. */
    static Rate mongoInserts(String uri, int threads, Duration duration) throws InterruptedException {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase db = client.getDatabase("benchmark_baseline");
            db.drop();
            MongoCollection<Document> docs = db.getCollection("inserts");
            docs.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            String padding = "x".repeat(RECORD_BYTES - 80);
            AtomicLong inserted = new AtomicLong();
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(threads);
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Thread worker = new Thread(() -> {
                    try {
                        long n = 0;
                        while (System.nanoTime() < end) {
                            docs.insertOne(new Document("key", thread + "-" + n++).append("county", "431023")
                                    .append("amountFen", 1_000_000L).append("payload", padding));
                            inserted.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failure.set(e);
                    } finally {
                        done.countDown();
                    }
                }, "mongo-baseline-" + t);
                worker.setDaemon(true);
                worker.start();
            }
            done.await();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (failure.get() != null) {
                throw failure.get();
            }
            db.drop();
            return new Rate("MongoDB-wire inserts", threads + " threads of a bare driver (mongodb-driver-sync) inserting "
                    + RECORD_BYTES + "-byte documents one at a time into the platform's wire server, one unique index",
                    inserted.get(), seconds, inserted.get() / seconds);
        }
    }

    /** A bare producer (acks=all, idempotent, 64 KB batches) sending {@code records} 300-byte records to a 3-partition topic. */
    static Rate kafkaProduce(Map<String, Object> client, long records) throws Exception {
        String topic = "benchmark.baseline";
        try (Admin admin = Admin.create(client)) {
            if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                Thread.sleep(1000);
            }
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            Properties p = new Properties();
            p.putAll(client);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.BATCH_SIZE_CONFIG, 65536);
            p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            byte[] value = new byte[RECORD_BYTES];
            java.util.Arrays.fill(value, (byte) 'x');
            AtomicReference<Exception> failure = new AtomicReference<>();
            long start;
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
                producer.partitionsFor(topic);
                start = System.nanoTime();
                for (long i = 0; i < records; i++) {
                    producer.send(new ProducerRecord<>(topic, "k" + (i % 10_000), value), (m, e) -> {
                        if (e != null) {
                            failure.set(e);
                        }
                    });
                }
                producer.flush();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            if (failure.get() != null) {
                throw failure.get();
            }
            return new Rate("Kafka produce", "a bare producer (acks=all, idempotent, 64 KB batches, linger 5 ms) sending "
                    + records + " records of " + RECORD_BYTES + " bytes to a 3-partition topic of the platform's broker",
                    records, seconds, records / seconds);
        }
    }

    static List<Rate> list(Rate... rates) {
        return new ArrayList<>(List.of(rates));
    }
}
