package cn.chenzhou.plan.chassis.outbox;

import static cn.chenzhou.plan.chassis.outbox.AggregateCollection.OUTBOX;
import static cn.chenzhou.plan.chassis.outbox.AggregateCollection.PENDING;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import cn.chenzhou.plan.chassis.SampledFigure;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.producer.Producer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What an operator watches of a service's outbox, on {@code /actuator/prometheus}:
 * <ul>
 *   <li>{@code platform_outbox_backlog_events{collection}}: events stored and not yet acknowledged by the broker;</li>
 *   <li>{@code platform_outbox_oldest_pending_seconds{collection}}: how long the oldest of them has waited (0 when
 *       none waits) — the first figure to rise when the broker is away;</li>
 *   <li>{@code platform_outbox_publish_latency_seconds{topic}}: from a change being stored to the broker's
 *       acknowledgement of its event;</li>
 *   <li>the relay's Kafka producer's own metrics ({@code kafka_producer_*}, client id {@code <service>-outbox}).</li>
 * </ul>
 * Both gauges are counted in the store itself, not taken from the relay's account of what it did, every
 * {@value #SAMPLE_SECONDS} s on a thread of their own (on the embedded store a query for pending documents reads the
 * collection; a scrape never waits for it). While the store does not answer they read NaN.
 */
final class OutboxMetrics implements AutoCloseable {
    static final long SAMPLE_SECONDS = 5;

    private final MeterRegistry registry;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final String relayClientId;
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();
    private final SampledFigure<Map<String, Count>> counts;

    OutboxMetrics(MeterRegistry registry, MongoTemplate mongo, Clock clock, String relayClientId) {
        this.registry = registry;
        this.mongo = mongo;
        this.clock = clock;
        this.relayClientId = relayClientId;
        this.counts = new SampledFigure<>("outbox-metrics", Duration.ofSeconds(SAMPLE_SECONDS), this::countAll, Map.of());
    }

    /** What the pending documents of one collection held when last counted. */
    private record Count(long events, double oldestSeconds) {
    }

    private Map<String, Count> countAll() {
        Map<String, Count> all = new HashMap<>();
        for (String collection : collections) {
            all.put(collection, count(collection));
        }
        return Map.copyOf(all);
    }

    private Count count(String collection) {
        long events = 0;
        Instant oldest = null;
        for (Document doc : mongo.getCollection(collection).find(Filters.eq(PENDING, true))
                .projection(Projections.include(OUTBOX + ".time"))) {
            for (Document entry : doc.getList(OUTBOX, Document.class, List.of())) {
                events++;
                Date time = entry.getDate("time");
                if (time != null && (oldest == null || time.toInstant().isBefore(oldest))) {
                    oldest = time.toInstant();
                }
            }
        }
        return new Count(events,
                oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0));
    }

    private double figure(String collection, ToDoubleFunction<Count> which) {
        Count count = counts.latest().get(collection);
        return count == null ? Double.NaN : which.applyAsDouble(count);
    }

    /** Gauges for one aggregate collection's outbox. */
    void watch(String collection) {
        if (collections.add(collection)) {
            Gauge.builder("platform.outbox.backlog", this, m -> m.figure(collection, Count::events))
                    .description("events stored with their change and not yet acknowledged by the broker")
                    .baseUnit("events").tag("collection", collection).register(registry);
            Gauge.builder("platform.outbox.oldest.pending", this, m -> m.figure(collection, Count::oldestSeconds))
                    .description("how long the oldest event not yet acknowledged by the broker has waited (0: none)")
                    .baseUnit("seconds").tag("collection", collection).register(registry);
        }
    }

    /** An event the broker acknowledged, of a change stored at {@code storedAt}. */
    void published(String topic, Instant storedAt) {
        latencies.computeIfAbsent(topic, t -> Timer.builder("platform.outbox.publish.latency")
                        .description("from a change being stored to the broker's acknowledgement of its event")
                        .tag("topic", t).register(registry))
                .record(Duration.between(storedAt, clock.instant()).abs());
    }

    /**
     * The relay's producer's own metrics, until the returned binding is closed (with the producer). Tagged with a
     * {@code spring.id} as spring-kafka tags the clients its factories make (a service's other producers and
     * consumers): every member of a Kafka family then has the same tag keys, which Prometheus requires, and Micrometer's
     * periodic refresh of a client's metrics — which compares tag counts — keeps each series rather than dropping one.
     */
    AutoCloseable bind(Producer<?, ?> producer) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(producer, Tags.of("spring.id", relayClientId));
        metrics.bindTo(registry);
        return metrics;
    }

    @Override
    public void close() {
        counts.close();
    }
}
