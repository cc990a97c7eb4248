package cn.chenzhou.plan.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * How long after a command's 2xx at the gateway its effect is visible in reporting's read model. For each probed
 * command it asks reporting (directly, not through the gateway: the instrument should not load what it measures) to
 * answer once the aggregate's first event is applied ({@code GET /api/reports/read-model/aggregates/{topic}/{id}
 * ?atLeast=1&waitMs=10000}, asked again while the event is not in, for up to {@value #GIVE_UP_SECONDS} s); freshness
 * is the time from the command's answer to that answer. It is an upper bound: it includes the probe's own answer
 * (well under a millisecond here).
 */
final class FreshnessProbe {
    static final int GIVE_UP_SECONDS = 30;
    /** Reporting's longest wait per request (it refuses a longer one, keeping each answer within the gateway's limit). */
    private static final int WAIT_MS = 10_000;
    private static final Pattern SEQUENCE = Pattern.compile("\"sequence\"\\s*:\\s*(\\d+)");
    private final Http http;
    private final String reporting;
    private final Supplier<String> token;
    private final int everyNth;
    private final Latency freshness = new Latency();
    private final AtomicLong notSeen = new AtomicLong();
    private final Semaphore outstanding = new Semaphore(Integer.MAX_VALUE);
    private final AtomicLong probes = new AtomicLong();
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();

    /** One probed command: where its event goes, when (wall clock) the gateway answered it, and its freshness. */
    private record Sample(String topic, String id, long answeredAtMillis, long freshNanos) {
    }

    /** @param everyNth probe one accepted command in this many (1 = every command) */
    FreshnessProbe(Http http, String reportingUrl, Supplier<String> token, int everyNth) {
        this.http = http;
        this.reporting = reportingUrl;
        this.token = token;
        this.everyNth = Math.max(1, everyNth);
    }

    /** A command was accepted at {@code ackNanos}; its first event goes to {@code topic} with subject {@code id}. */
    void accepted(long i, String topic, String id, long ackNanos) {
        if (i % everyNth != 0 || id == null) {
            return;
        }
        probes.incrementAndGet();
        long answeredAtMillis = System.currentTimeMillis() - (System.nanoTime() - ackNanos) / 1_000_000;
        outstanding.acquireUninterruptibly();
        String url = reporting + "/api/reports/read-model/aggregates/" + topic + "/" + id + "?atLeast=1&waitMs=" + WAIT_MS;
        ask(url, ackNanos + TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS)).whenComplete((reply, error) -> {
            long now = System.nanoTime();
            try {
                if (error == null && reply.ok() && sequenceOf(reply.body()) >= 1) {
                    freshness.recordNanos(now - ackNanos);
                    samples.add(new Sample(topic, id, answeredAtMillis, now - ackNanos));
                } else {
                    notSeen.incrementAndGet();
                }
            } finally {
                outstanding.release();
            }
        });
    }

    /** Asks again, while the event is not applied yet and the probe has not given up on it. */
    private CompletableFuture<Http.Reply> ask(String url, long giveUpNanos) {
        return http.get(url, token.get(), true).thenCompose(reply -> reply.ok() && sequenceOf(reply.body()) < 1
                && System.nanoTime() < giveUpNanos ? ask(url, giveUpNanos)
                : CompletableFuture.completedFuture(reply));
    }

    static long sequenceOf(String body) {
        Matcher m = SEQUENCE.matcher(body == null ? "" : body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Waits for the probes still waiting (at most {@value #GIVE_UP_SECONDS} s and a little more). */
    void finish() throws InterruptedException {
        if (outstanding.tryAcquire(Integer.MAX_VALUE, GIVE_UP_SECONDS + 10, TimeUnit.SECONDS)) {
            outstanding.release(Integer.MAX_VALUE);
        }
    }

    long probes() {
        return probes.get();
    }

    /** Probes not answered with the event applied within {@value #GIVE_UP_SECONDS} s (or that failed). */
    long notSeen() {
        return notSeen.get();
    }

    /**
     * Where the time went: for each probed command, the time from the gateway's answer to the event's Kafka timestamp
     * (set by the producer when the service's relay sends it) and from there to reporting having applied it; for the
     * slowest one in a hundred, and as a time line of the slow ones by second. Printed, for diagnosis; not a figure.
     * Kafka timestamps are whole milliseconds, and a relay may send before the client has read its answer: a time
     * before Kafka below zero counts as zero.
     */
    List<String> whereTheTimeWent(Map<String, Object> client) {
        List<Sample> all = new ArrayList<>(samples);
        if (all.isEmpty()) {
            return List.of();
        }
        Map<String, Long> sentAt = sendTimes(client, all);
        Latency toKafka = new Latency();
        Latency afterKafka = new Latency();
        for (Sample sample : all) {
            Long sent = sentAt.get(sample.id());
            if (sent != null) {
                long relayNanos = Math.max(0, (sent - sample.answeredAtMillis()) * 1_000_000);
                toKafka.recordNanos(relayNanos);
                afterKafka.recordNanos(Math.max(0, sample.freshNanos() - relayNanos));
            }
        }
        List<String> lines = new ArrayList<>();
        Latency.Summary a = toKafka.summary();
        Latency.Summary b = afterKafka.summary();
        lines.add(String.format(java.util.Locale.ROOT, "answer → sent to Kafka: p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
                + "sent → applied by reporting: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d of %d probes matched)",
                a.p50Ms(), a.p99Ms(), a.maxMs(), b.p50Ms(), b.p99Ms(), b.maxMs(), a.count(), all.size()));
        all.sort(Comparator.comparingLong(Sample::freshNanos).reversed());
        long first = all.stream().mapToLong(Sample::answeredAtMillis).min().orElse(0);
        Map<Long, Integer> slowBySecond = new TreeMap<>();
        List<Sample> slowest = all.subList(0, Math.max(1, all.size() / 100));
        for (Sample sample : slowest) {
            slowBySecond.merge((sample.answeredAtMillis() - first) / 1000, 1, Integer::sum);
        }
        double relayShare = slowest.stream().filter(x -> sentAt.containsKey(x.id())).mapToDouble(x ->
                Math.max(0.0, Math.min(1.0, (sentAt.get(x.id()) - x.answeredAtMillis()) * 1e6 / Math.max(1, x.freshNanos())))).average().orElse(Double.NaN);
        lines.add(String.format(java.util.Locale.ROOT, "slowest 1 %% (%d probes): %.0f %% of their time before Kafka; "
                + "answered in second(s) of the phase → count: %s", slowest.size(), 100 * relayShare, slowBySecond));
        return lines;
    }

    /** The Kafka timestamp of the first record of each probed aggregate, from the topics the probes named. */
    private static Map<String, Long> sendTimes(Map<String, Object> client, List<Sample> all) {
        Map<String, Long> sentAt = new HashMap<>();
        java.util.Set<String> wanted = new java.util.HashSet<>();
        all.forEach(x -> wanted.add(x.id()));
        long from = all.stream().mapToLong(Sample::answeredAtMillis).min().orElse(0) - 60_000;
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "benchmark-freshness-split");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            all.stream().map(Sample::topic).distinct().forEach(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(i -> partitions.add(new TopicPartition(topic, i.partition()))));
            consumer.assign(partitions);
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, from));
            var offsets = consumer.offsetsForTimes(query);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition tp : partitions) {
                var at = offsets.get(tp);
                consumer.seek(tp, at == null ? end.get(tp) : at.offset());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && wanted.contains(r.key())) {
                        sentAt.putIfAbsent(r.key(), r.timestamp());
                    }
                }
            }
        }
        return sentAt;
    }

    Latency.Summary summary() {
        return freshness.summary();
    }
}
