package cn.chenzhou.plan.reporting.facts;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of reporting's fact pipeline, on {@code /actuator/prometheus}:
 * <ul>
 *   <li>{@code reporting_events_total{outcome}}: events read, by what became of them — {@code applied}, {@code
 *       duplicate} (already applied: skipped), {@code ignored} (a type this reader does not know), {@code
 *       dead_lettered} (set aside on {@code <topic>.dlt});</li>
 *   <li>{@code reporting_lag_events{topic,partition}}: events on the broker that the pipeline has not applied — the
 *       broker's end offset (asked at most once a second, when scraped) less the pipeline's position, so a pipeline
 *       that stopped reading shows its lag growing rather than its last figure;</li>
 *   <li>{@code reporting_pipeline_state{state}}: 1 for the state it is in (catching up, live, rebuilding);</li>
 *   <li>{@code reporting_rebuild_progress_ratio} and {@code reporting_rebuild_events_read}: the last or running
 *       rebuild;</li>
 *   <li>the consumer's and the dead-letter producer's own Kafka metrics ({@code kafka_consumer_*},
 *       {@code kafka_producer_*}).</li>
 * </ul>
 */
@Component
class PipelineMetrics implements MeterBinder, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(PipelineMetrics.class);
    private static final Duration FRESH_FOR = Duration.ofSeconds(1);
    private static final List<String> STATES = List.of("CATCHING_UP", "LIVE", "REBUILDING");

    private final FactPipeline pipeline;
    private final KafkaProperties kafka;
    private final Set<TopicPartition> watched = ConcurrentHashMap.newKeySet();
    private MeterRegistry registry;
    private Admin admin;
    private long endsAt = System.nanoTime() - FRESH_FOR.toNanos();
    private Map<TopicPartition, Long> ends = Map.of();

    PipelineMetrics(FactPipeline pipeline, KafkaProperties kafka) {
        this.pipeline = pipeline;
        this.kafka = kafka;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        events(registry, "applied", PipelineStatus::eventsApplied);
        events(registry, "duplicate", PipelineStatus::duplicates);
        events(registry, "ignored", PipelineStatus::ignored);
        events(registry, "dead_lettered", PipelineStatus::deadLettered);
        for (String state : STATES) {
            Gauge.builder("reporting.pipeline.state", pipeline, p -> state.equals(p.status().state()) ? 1 : 0)
                    .description("1 for the state the fact pipeline is in").tag("state", state.toLowerCase())
                    .register(registry);
        }
        Gauge.builder("reporting.rebuild.progress", pipeline, p -> p.status().rebuild().percent() / 100)
                .description("share of the last (or running) rebuild's events read").baseUnit("ratio")
                .register(registry);
        Gauge.builder("reporting.rebuild.events.read", pipeline, p -> p.status().rebuild().eventsRead())
                .description("events the last (or running) rebuild has read").register(registry);
        pipeline.bindClientMetrics(registry);
        pipeline.onAssignment(partitions -> partitions.forEach(this::watch));
    }

    private void events(MeterRegistry registry, String outcome, ToDoubleFunction<PipelineStatus> count) {
        FunctionCounter.builder("reporting.events", pipeline, p -> count.applyAsDouble(p.status()))
                .description("events the fact pipeline read, by what became of them").tag("outcome", outcome)
                .register(registry);
    }

    /** A lag gauge for a partition the pipeline reads. */
    private void watch(TopicPartition tp) {
        if (watched.add(tp)) {
            Gauge.builder("reporting.lag", this, m -> m.lagOf(tp))
                    .description("events on the broker the fact pipeline has not applied yet").baseUnit("events")
                    .tags("topic", tp.topic(), "partition", String.valueOf(tp.partition())).register(registry);
        }
    }

    private double lagOf(TopicPartition tp) {
        Long end = endOffsets().get(tp);
        Long position = pipeline.status().partitions().stream()
                .filter(p -> p.topic().equals(tp.topic()) && p.partition() == tp.partition())
                .map(PipelineStatus.Position::position).findFirst().orElse(null);
        return end == null || position == null ? Double.NaN : Math.max(0, end - position);
    }

    private synchronized Map<TopicPartition, Long> endOffsets() {
        long now = System.nanoTime();
        if (now - endsAt < FRESH_FOR.toNanos()) {
            return ends;
        }
        try {
            if (admin == null) {
                Map<String, Object> props = new HashMap<>(kafka.buildAdminProperties());
                props.put("client.id", "reporting-lag");
                admin = Admin.create(props);
            }
            Map<TopicPartition, OffsetSpec> asked = watched.stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<TopicPartition, Long> fresh = new HashMap<>();
            admin.listOffsets(asked).all().get(5, TimeUnit.SECONDS)
                    .forEach((tp, info) -> fresh.put(tp, info.offset()));
            ends = Map.copyOf(fresh);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ends = Map.of();
        } catch (Exception e) {
            // the broker is away: no figure rather than a wrong one (the gauges read NaN until it answers)
            log.debug("could not read the topics' end offsets: {}", e.toString());
            ends = Map.of();
        }
        endsAt = now;
        return ends;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
