package cn.chenzhou.plan.reporting.facts;

import cn.chenzhou.plan.chassis.SampledFigure;
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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of reporting's fact pipeline, on {@code /actuator/prometheus}:
 * <ul>
 *   <li>{@code reporting_events_total{outcome}}: events read, by what became of them — {@code applied}, {@code
 *       duplicate} (already applied: skipped), {@code ignored} (a type this reader does not know), {@code
 *       dead_lettered} (set aside on {@code <topic>.dlt});</li>
 *   <li>{@code reporting_lag_events{topic,partition}}: events on the broker that the pipeline has not applied — the
 *       broker's end offset (asked every {@value #SAMPLE_SECONDS} s on a thread of its own; NaN while the broker does not
 *       answer) less the pipeline's position, so a pipeline that stopped reading shows its lag growing rather than its
 *       last figure;</li>
 *   <li>{@code reporting_pipeline_state{state}}: 1 for the state it is in (catching up, live, rebuilding);</li>
 *   <li>{@code reporting_rebuild_progress_ratio} and {@code reporting_rebuild_events_read}: the last or running
 *       rebuild;</li>
 *   <li>(bound by the factories that make the clients) the pipeline's consumer's and the dead-letter producer's own
 *       Kafka metrics ({@code kafka_consumer_*}, {@code kafka_producer_*}).</li>
 * </ul>
 */
@Component
class PipelineMetrics implements MeterBinder, DisposableBean {
    static final long SAMPLE_SECONDS = 5;
    private static final List<String> STATES = List.of("CATCHING_UP", "LIVE", "REBUILDING");

    private final FactPipeline pipeline;
    private final KafkaProperties kafka;
    private final List<String> topics;
    private final Set<TopicPartition> watched = ConcurrentHashMap.newKeySet();
    private final SampledFigure<Map<TopicPartition, Long>> ends;
    private volatile MeterRegistry registry;
    private volatile Admin admin;

    PipelineMetrics(FactPipeline pipeline, KafkaProperties kafka, @Value("${reporting.topics}") List<String> topics) {
        this.pipeline = pipeline;
        this.kafka = kafka;
        this.topics = List.copyOf(topics);
        this.ends = new SampledFigure<>("reporting-lag", Duration.ofSeconds(SAMPLE_SECONDS), this::endOffsets, Map.of());
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
        Long end = ends.latest().get(tp);
        Long position = pipeline.status().partitions().stream()
                .filter(p -> p.topic().equals(tp.topic()) && p.partition() == tp.partition())
                .map(PipelineStatus.Position::position).findFirst().orElse(null);
        if (end == null) {
            return Double.NaN;
        }
        if (position == null) {
            // nothing read from it yet: an empty partition has no lag, any other an unknown one
            return end == 0 ? 0 : Double.NaN;
        }
        return Math.max(0, end - position);
    }

    /**
     * The broker's end offsets of the topics' partitions (on the sampler's thread only), a lag gauge registered for each
     * partition the first time it is seen.
     */
    private Map<TopicPartition, Long> endOffsets() {
        if (registry == null) {
            return Map.of();
        }
        if (admin == null) {
            Map<String, Object> props = new HashMap<>(kafka.buildAdminProperties());
            props.put("client.id", "reporting-lag");
            admin = Admin.create(props);
        }
        Map<TopicPartition, Long> fresh = new HashMap<>();
        try {
            Map<TopicPartition, OffsetSpec> asked = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(SAMPLE_SECONDS, TimeUnit.SECONDS).values()
                    .forEach(topic -> topic.partitions().forEach(p ->
                            asked.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
            asked.keySet().forEach(this::watch);
            admin.listOffsets(asked).all().get(SAMPLE_SECONDS, TimeUnit.SECONDS)
                    .forEach((tp, info) -> fresh.put(tp, info.offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not give its end offsets: " + e, e);
        }
        return Map.copyOf(fresh);
    }

    @Override
    public void destroy() {
        ends.close();
        // the sampler's thread is stopped: nothing creates an admin client after this
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
