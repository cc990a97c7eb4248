package cn.chenzhou.plan.chassis.outbox;

import static cn.chenzhou.plan.chassis.outbox.AggregateCollection.OUTBOX;
import static cn.chenzhou.plan.chassis.outbox.AggregateCollection.PENDING;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.Producer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Both gauges are read from the store itself, not from the relay's account of what it did, and at most once a second
 * however often they are scraped (on the embedded store a query for pending documents reads the collection).
 */
final class OutboxMetrics {
    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);
    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final MeterRegistry registry;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Map<String, Backlog> backlogs = new ConcurrentHashMap<>();
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

    OutboxMetrics(MeterRegistry registry, MongoTemplate mongo, Clock clock) {
        this.registry = registry;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** What the pending documents of one collection held when last counted. */
    private record Count(long countedAtNanos, long events, double oldestSeconds) {
    }

    private final class Backlog {
        private final String collection;
        private volatile Count last;

        Backlog(String collection) {
            this.collection = collection;
        }

        synchronized Count count() {
            long counting = System.nanoTime();
            Count known = last;
            if (known != null && counting - known.countedAtNanos() < FRESH_FOR.toNanos()) {
                return known;
            }
            long events = 0;
            Instant oldest = null;
            try {
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
            } catch (RuntimeException e) {
                // the store is away: the gauges keep their last figures (the store's own health says it is away)
                log.debug("could not count the outbox of {}: {}", collection, e.toString());
                return known != null ? known : new Count(counting, 0, 0);
            }
            Instant now = clock.instant();
            last = new Count(counting, events,
                    oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0));
            return last;
        }
    }

    /** Gauges for one aggregate collection's outbox. */
    void watch(String collection) {
        backlogs.computeIfAbsent(collection, name -> {
            Backlog backlog = new Backlog(name);
            Gauge.builder("platform.outbox.backlog", backlog, b -> b.count().events())
                    .description("events stored with their change and not yet acknowledged by the broker")
                    .baseUnit("events").tag("collection", name).register(registry);
            Gauge.builder("platform.outbox.oldest.pending", backlog, b -> b.count().oldestSeconds())
                    .description("how long the oldest event not yet acknowledged by the broker has waited (0: none)")
                    .baseUnit("seconds").tag("collection", name).register(registry);
            return backlog;
        });
    }

    /** An event the broker acknowledged, of a change stored at {@code storedAt}. */
    void published(String topic, Instant storedAt) {
        latencies.computeIfAbsent(topic, t -> Timer.builder("platform.outbox.publish.latency")
                        .description("from a change being stored to the broker's acknowledgement of its event")
                        .tag("topic", t).register(registry))
                .record(Duration.between(storedAt, clock.instant()).abs());
    }

    /** The relay's producer's own metrics, until the returned binding is closed (with the producer). */
    AutoCloseable bind(Producer<?, ?> producer) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
        return metrics;
    }
}
