package cn.chenzhou.plan.benchmark;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuild speed: publishes at least the asked number of synthetic events ({@link SyntheticEvents}) into the platform's
 * topics, waits until reporting has applied them live, then times a bare Kafka consumer reading every event of the
 * three topics from the beginning, then asks reporting to rebuild its read model from the same topics and takes the
 * rate it reports (events read over the time from start to done).
 */
final class RebuildRun {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param produced         synthetic events published for this run
     * @param producedPerSecond how fast they were published (acks=all)
     * @param eventsOnTopics   every event on the three topics (the synthetic ones and the commands of earlier phases)
     * @param bareConsumerPerSecond a bare consumer's rate over all of them (no decoding)
     * @param rebuildPerSecond reporting's rebuild: events read ÷ (finished − started)
     */
    record Result(long produced, double producedPerSecond, long eventsOnTopics, double bareConsumerSeconds,
                  double bareConsumerPerSecond, long rebuildEventsRead, double rebuildSeconds, double rebuildPerSecond,
                  Long rebuildReportedPerSecond, double ratio) {
    }

    private final PlatformUnderTest platform;
    private final Http http;
    private final Supplier<String> adminToken;
    private final PrintStream out;

    RebuildRun(PlatformUnderTest platform, Http http, Supplier<String> adminToken, PrintStream out) {
        this.platform = platform;
        this.http = http;
        this.adminToken = adminToken;
        this.out = out;
    }

    Result run(long events) throws Exception {
        SyntheticEvents synthetic = new SyntheticEvents(events);
        out.printf("  publishing %,d synthetic events (%,d project histories of %d events) …%n",
                (long) synthetic.projects() * SyntheticEvents.EVENTS_PER_PROJECT, synthetic.projects(), SyntheticEvents.EVENTS_PER_PROJECT);
        long produced = 0;
        Properties p = new Properties();
        p.putAll(platform.kafkaClient());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 131072);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int step = 1; step <= SyntheticEvents.EVENTS_PER_PROJECT; step++) {
                for (int project = 0; project < synthetic.projects(); project++) {
                    producer.send(synthetic.record(project, step), (m, e) -> {
                        if (e != null) {
                            failure.set(e);
                        }
                    });
                    produced++;
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double producedPerSecond = produced / ((System.nanoTime() - start) / 1e9);
        out.printf("  published at %,.0f events/s; waiting for reporting to apply them live …%n", producedPerSecond);
        awaitLive(Duration.ofMinutes(10));

        out.println("  a bare consumer reads the three topics from the beginning …");
        long[] bare = bareConsumer();
        double bareSeconds = bare[1] / 1e9;
        double bareRate = bare[0] / bareSeconds;
        out.printf("  bare consumer: %,d events in %.2f s = %,.0f events/s%n", bare[0], bareSeconds, bareRate);

        out.println("  reporting rebuilds its read model from the same topics …");
        Http.Reply asked = http.call(HttpRequest.newBuilder(URI.create(platform.url("REPORTING_SERVICE_PORT")
                + "/api/reports/read-model/rebuild")).header("Authorization", "Bearer " + adminToken.get())
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (asked.status() != 202) {
            throw new IllegalStateException("rebuild not accepted: " + asked.status() + " " + asked.body());
        }
        JsonNode rebuild;
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        do {
            Thread.sleep(250);
            rebuild = json(get("/api/reports/read-model/rebuild"));
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rebuild did not finish in 15 minutes: " + rebuild);
            }
        } while (!"DONE".equals(rebuild.path("state").asString()));
        long read = rebuild.path("eventsRead").asLong();
        Instant started = Instant.parse(rebuild.path("startedAt").asString());
        Instant finished = Instant.parse(rebuild.path("finishedAt").asString());
        double seconds = Math.max(0.001, Duration.between(started, finished).toNanos() / 1e9);
        double rate = read / seconds;
        Long reported = rebuild.path("eventsPerSecond").isNumber() ? rebuild.path("eventsPerSecond").asLong() : null;
        out.printf("  rebuild: %,d events in %.2f s = %,.0f events/s (%.0f %% of the bare consumer)%n", read, seconds, rate,
                100 * rate / bareRate);
        awaitLive(Duration.ofMinutes(5));
        return new Result(produced, producedPerSecond, bare[0], bareSeconds, bareRate, read, seconds, rate, reported,
                rate / bareRate);
    }

    /** Waits until reporting is live with nothing left to read (twice in a row, a second apart). */
    void awaitLive(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quiet = 0;
        JsonNode status = null;
        while (quiet < 2) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reporting did not catch up in " + timeout + ": " + status);
            }
            Thread.sleep(1000);
            status = json(get("/api/reports/read-model"));
            quiet = "LIVE".equals(status.path("state").asString()) && status.path("lag").asLong() == 0 ? quiet + 1 : 0;
        }
    }

    private String get(String path) {
        Http.Reply reply = http.call(HttpRequest.newBuilder(URI.create(platform.url("REPORTING_SERVICE_PORT") + path))
                .header("Authorization", "Bearer " + adminToken.get()).GET().build());
        if (reply.status() != 200) {
            throw new IllegalStateException("GET " + path + ": " + reply.status() + " " + reply.body());
        }
        return reply.body();
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    /** Reads every record of the three topics from the beginning; returns {records, nanoseconds}. */
    private long[] bareConsumer() {
        Properties p = new Properties();
        p.putAll(platform.kafkaClient());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "benchmark-bare-consumer");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : SyntheticEvents.topics()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = new HashMap<>(consumer.beginningOffsets(partitions));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = end.entrySet().stream().mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum();
            long read = 0;
            long t0 = System.nanoTime();
            while (read < total) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            return new long[]{read, System.nanoTime() - t0};
        }
    }
}
