package cn.chenzhou.plan.reporting.facts;

import cn.chenzhou.plan.chassis.events.EventTracing;
import cn.chenzhou.plan.chassis.events.PoisonEventException;
import cn.chenzhou.plan.contracts.EventAttributes;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.reporting.facts.model.FactBook;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.tracing.Span;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Reads the three event topics into the fact book, in batches, on one thread.
 *
 * <p>A plain consumer with its partitions assigned and its positions kept in reporting's own database next to the
 * facts (no consumer group): a restart restores the facts and seeks to the positions stored with them, a rebuild seeks to
 * the beginning. Each batch is decoded, applied under one write lock (the sequence check skips duplicates), poison events
 * are sent to {@code <topic>.dlt} with their reason, and only then do the positions move on. Every checkpoint interval the
 * changed aggregates and then the positions are stored in the background.
 */
@Component
class FactPipeline implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(FactPipeline.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration PARTITION_REFRESH = Duration.ofSeconds(10);
    private static final int PARALLEL_DECODING_FROM = 512;
    private static final String TRACEPARENT_HEADER = EventAttributes.HEADER_PREFIX + EventAttributes.TRACEPARENT;

    private final FactsReadModel model;
    private final FactStore store;
    private final EventDecoder decoder;
    private final KafkaProperties kafka;
    private final List<String> topics;
    private final Duration checkpointInterval;

    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final AtomicReference<String> rebuildRequest = new AtomicReference<>();
    private volatile boolean running;
    private volatile PipelineStatus status;
    private Thread worker;
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> deadLetters;
    private final MeterRegistry meters;
    private final EventTracing tracing;

    private String state = "CATCHING_UP";
    private Map<TopicPartition, Long> catchUpTo = Map.of();
    private long applied;
    private long duplicates;
    private long ignored;
    private long deadLettered;
    private Instant lastAppliedAt;
    private Instant lastCheckpoint = Instant.now();
    private Instant lastPartitionRefresh = Instant.EPOCH;
    private boolean fullSnapshotDue;
    private Map<TopicPartition, Long> savedPositions = Map.of();
    private FactBook rebuilding;
    private PipelineStatus.Rebuild rebuild = PipelineStatus.Rebuild.none();
    private Map<TopicPartition, Long> rebuildFrom = Map.of();

    FactPipeline(FactsReadModel model, FactStore store, EventDecoder decoder, KafkaProperties kafka,
                 @Value("${reporting.topics}") List<String> topics,
                 @Value("${reporting.checkpoint-interval:1s}") Duration checkpointInterval, MeterRegistry meters,
                 EventTracing tracing) {
        this.model = model;
        this.tracing = tracing;
        this.meters = meters;
        this.store = store;
        this.decoder = decoder;
        this.kafka = kafka;
        this.topics = List.copyOf(topics);
        this.checkpointInterval = checkpointInterval;
        this.status = snapshotStatus(0);
    }

    PipelineStatus status() {
        return status;
    }

    boolean isLive() {
        return "LIVE".equals(status.state());
    }

    /** Asks for a rebuild; it starts at the pipeline's next turn. False if one is already asked for or running. */
    boolean requestRebuild(String by) {
        // no wakeup: it could interrupt the rebuild's own offset look-ups; the next poll (≤ 200 ms) starts it
        return !"REBUILDING".equals(status.state()) && rebuildRequest.compareAndSet(null, by);
    }

    // ---- the loop -------------------------------------------------------------------------------------------

    private void run() {
        while (running) {
            try {
                ensureAssigned();
                String by = rebuildRequest.getAndSet(null);
                if (by != null) {
                    startRebuild(by);
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    process(records);
                }
                advanceState();
                checkpointIfDue(false);
            } catch (WakeupException e) {
                // woken for a rebuild or a stop: the loop decides
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                log.warn("fact pipeline will retry the batch", e);
                // only what is assigned: a broker that was not there yet (or slow to let the consumer in) may have left
                // the restored positions unassigned, and seeking one would end the pipeline for good
                Set<TopicPartition> assigned = consumer.assignment();
                positions.forEach((tp, offset) -> {
                    if (assigned.contains(tp)) {
                        consumer.seek(tp, offset);
                    }
                });
                sleep(1000);
            }
        }
    }

    private void process(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>(records.count());
        records.forEach(all::add);
        // decoding (headers, JSON) is most of the work and independent per record: big batches use every core
        Object[] decoded = new Object[all.size()];
        IntStream indexes = IntStream.range(0, all.size());
        (all.size() >= PARALLEL_DECODING_FROM ? indexes.parallel() : indexes).forEach(i -> {
            try {
                decoded[i] = decoder.decode(all.get(i));
            } catch (RuntimeException e) {
                decoded[i] = e;
            }
        });
        List<DecodedEvent> events = new ArrayList<>(all.size());
        List<ConsumerRecord<String, byte[]>> sources = new ArrayList<>(all.size());
        List<Poison> poison = new ArrayList<>();
        for (int i = 0; i < decoded.length; i++) {
            if (decoded[i] instanceof DecodedEvent e) {
                events.add(e);
                sources.add(all.get(i));
            } else {
                poison.add(new Poison(all.get(i), (RuntimeException) decoded[i]));
            }
        }
        long[] counts = new long[3];
        Map<ConsumerRecord<String, byte[]>, Span> spans = applySpans(all);
        if (rebuilding != null) {
            applyAll(rebuilding, events, sources, poison, counts);
        } else {
            model.write(book -> applyAll(book, events, sources, poison, counts));
        }
        for (Poison p : poison) {
            spans.getOrDefault(p.record(), Span.NOOP).error(p.reason());
            deadLetter(p);
        }
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> part = records.records(tp);
            positions.put(tp, part.get(part.size() - 1).offset() + 1);
        }
        applied += counts[0];
        duplicates += counts[1];
        ignored += counts[2];
        deadLettered += poison.size();
        if (counts[0] > 0) {
            lastAppliedAt = Instant.now();
            if (rebuilding == null) {
                model.changed();
            }
        }
        spans.values().forEach(Span::end);
    }

    /**
     * While live, each event's processing — from its arrival to the read model answering with it — is a span of the
     * trace of the request that made the change (the event's {@code traceparent}); a batch's events share its timing.
     * Not while catching up or rebuilding: those events' requests are long over.
     */
    private Map<ConsumerRecord<String, byte[]>, Span> applySpans(List<ConsumerRecord<String, byte[]>> records) {
        if (rebuilding != null || !"LIVE".equals(state)) {
            return Map.of();
        }
        Map<ConsumerRecord<String, byte[]>, Span> spans = new IdentityHashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            Header traceParent = r.headers().lastHeader(TRACEPARENT_HEADER);
            if (traceParent != null) {
                spans.put(r, tracing.startChild(new String(traceParent.value(), StandardCharsets.UTF_8),
                        "reporting apply", false, r.topic()));
            }
        }
        return spans;
    }

    private static void applyAll(FactBook book, List<DecodedEvent> events, List<ConsumerRecord<String, byte[]>> sources,
                                 List<Poison> poison, long[] counts) {
        for (int i = 0; i < events.size(); i++) {
            DecodedEvent e = events.get(i);
            if (e.data() == null) {
                counts[2]++;
                continue;
            }
            try {
                FactBook.Outcome outcome = book.apply(e.aggregate(), e.sequence(), e.data());
                counts[outcome == FactBook.Outcome.ALREADY_APPLIED ? 1 : 0]++;
            } catch (RuntimeException ex) {
                poison.add(new Poison(sources.get(i), new PoisonEventException(e.type() + " on " + e.aggregate()
                        + " cannot be applied: " + ex.getMessage(), ex)));
            }
        }
    }

    private record Poison(ConsumerRecord<String, byte[]> record, RuntimeException reason) {
    }

    private void deadLetter(Poison p) {
        ConsumerRecord<String, byte[]> r = p.record();
        log.warn("dead-lettering {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), p.reason().getMessage());
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.deadLetterOf(r.topic()), null, r.key(), r.value(), r.headers());
        dead.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, r.topic().getBytes(StandardCharsets.UTF_8));
        dead.headers().add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(r.partition()).array());
        dead.headers().add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(r.offset()).array());
        dead.headers().add(KafkaHeaders.DLT_EXCEPTION_FQCN, p.reason().getClass().getName().getBytes(StandardCharsets.UTF_8));
        dead.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE,
                String.valueOf(p.reason().getMessage()).getBytes(StandardCharsets.UTF_8));
        try {
            deadLetters.send(dead).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not dead-letter " + r.topic() + "@" + r.offset() + ": " + e, e);
        }
    }

    // ---- catching up, rebuilding, checkpoints ------------------------------------------------------------

    private void startRebuild(String by) {
        log.info("rebuild asked for by {}: dropping the read model and reading every topic from its beginning", by);
        Collection<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(assigned);
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
        rebuildFrom = beginnings;
        rebuilding = new FactBook();
        store.drop();
        consumer.seekToBeginning(assigned);
        catchUpTo = ends;
        positions.clear();
        assigned.forEach(tp -> positions.put(tp, rebuildFrom.get(tp)));
        long total = assigned.stream().mapToLong(tp -> ends.get(tp) - rebuildFrom.get(tp)).sum();
        rebuild = new PipelineStatus.Rebuild("RUNNING", by, Instant.now(), null, total, 0, total == 0 ? 100 : 0, null);
        state = "REBUILDING";
        publishStatus();
    }

    private void advanceState() {
        boolean reached = catchUpTo.entrySet().stream()
                .allMatch(e -> positionOf(e.getKey()) >= e.getValue());
        if (rebuilding != null) {
            long read = rebuildFrom.entrySet().stream().mapToLong(e -> positionOf(e.getKey()) - e.getValue()).sum();
            long seconds = Math.max(1, Duration.between(rebuild.startedAt(), Instant.now()).toMillis());
            rebuild = new PipelineStatus.Rebuild(reached ? "DONE" : "RUNNING", rebuild.requestedBy(), rebuild.startedAt(),
                    reached ? Instant.now() : null, rebuild.eventsToRead(), read,
                    rebuild.eventsToRead() == 0 ? 100 : Math.min(100, 100.0 * read / rebuild.eventsToRead()),
                    read * 1000 / seconds);
            if (reached) {
                FactBook rebuilt = rebuilding;
                rebuilding = null;
                model.replace(rebuilt);
                fullSnapshotDue = true;
                state = "LIVE";
                log.info("rebuild done: {} events read in {} ms", read, seconds);
                checkpointIfDue(true);
                model.changed();
            }
        } else if (reached && !"LIVE".equals(state)) {
            state = "LIVE";
            log.info("fact pipeline caught up: live");
            model.changed();
        }
        publishStatus();
    }

    private long positionOf(TopicPartition tp) {
        Long p = positions.get(tp);
        return p != null ? p : consumer.position(tp);
    }

    private void checkpointIfDue(boolean force) {
        if (rebuilding != null || (!force && Duration.between(lastCheckpoint, Instant.now()).compareTo(checkpointInterval) < 0)) {
            return;
        }
        lastCheckpoint = Instant.now();
        if (store.takeFailure()) {
            // a write did not make it: store everything again
            fullSnapshotDue = true;
            savedPositions = Map.of();
        }
        boolean full = fullSnapshotDue;
        fullSnapshotDue = false;
        List<cn.chenzhou.plan.reporting.facts.model.StoredAggregate> changed = new ArrayList<>();
        model.write(book -> changed.addAll(full ? book.snapshot() : book.takeChanged()));
        if (full) {
            model.write(FactBook::takeChanged);
        }
        Map<TopicPartition, Long> at = Map.copyOf(positions);
        // positions move past poison and duplicates too, which change no fact: store them all the same
        if (changed.isEmpty() && !full && at.equals(savedPositions)) {
            return;
        }
        store.save(changed, at, full);
        savedPositions = at;
    }

    private void ensureAssigned() {
        if (Duration.between(lastPartitionRefresh, Instant.now()).compareTo(PARTITION_REFRESH) < 0) {
            return;
        }
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null) {
                infos.forEach(i -> all.add(new TopicPartition(i.topic(), i.partition())));
            }
        }
        // not before: a look-up that timed out is tried again at the next turn, not ten seconds later
        lastPartitionRefresh = Instant.now();
        if (all.isEmpty() || consumer.assignment().containsAll(all)) {
            return;
        }
        List<TopicPartition> added = all.stream().filter(tp -> !consumer.assignment().contains(tp)).toList();
        consumer.assign(all);
        List<TopicPartition> fromStart = new ArrayList<>();
        for (TopicPartition tp : added) {
            Long stored = positions.get(tp);
            if (stored != null) {
                consumer.seek(tp, stored);
            } else {
                fromStart.add(tp);
            }
        }
        if (!fromStart.isEmpty()) {
            // (an empty collection would mean every assigned partition)
            consumer.seekToBeginning(fromStart);
        }
        if (!"LIVE".equals(state) || !added.isEmpty()) {
            Map<TopicPartition, Long> targets = new HashMap<>(catchUpTo);
            targets.putAll(consumer.endOffsets(added));
            catchUpTo = targets;
        }
    }

    private void publishStatus() {
        model.live("LIVE".equals(state));
        long lag = 0;
        for (TopicPartition tp : consumer.assignment()) {
            lag += consumer.currentLag(tp).orElse(0);
        }
        status = snapshotStatus(lag);
    }

    private PipelineStatus snapshotStatus(long lag) {
        List<PipelineStatus.Position> list = positions.entrySet().stream()
                .map(e -> new PipelineStatus.Position(e.getKey().topic(), e.getKey().partition(), e.getValue()))
                .sorted(java.util.Comparator.comparing(PipelineStatus.Position::topic).thenComparing(PipelineStatus.Position::partition))
                .toList();
        int[] sizes = model.read(b -> new int[]{b.aggregateCount(), b.factCount()});
        return new PipelineStatus(state, applied, duplicates, ignored, deadLettered, lastAppliedAt, lag, sizes[0], sizes[1],
                list, rebuild);
    }

    // ---- lifecycle ---------------------------------------------------------------------------------------

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        FactStore.Stored stored = store.load();
        model.write(book -> stored.aggregates().forEach(book::restore));
        model.write(FactBook::takeChanged);
        positions.putAll(stored.positions());
        savedPositions = Map.copyOf(positions);
        status = snapshotStatus(0);
        log.info("fact book restored: {} aggregates, resuming at {} stored positions", stored.aggregates().size(),
                stored.positions().size());
        Map<String, Object> props = kafka.buildConsumerProperties();
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-facts");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        // big enough for thousands of events a fetch, small enough that catching up a backlog of millions does not
        // fill the heap with fetched-ahead batches (8 MB a partition ran a 256 MB service out of memory)
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1024 * 1024);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> producerProps = kafka.buildProducerProperties();
        producerProps.put("client.id", "reporting-dead-letters");
        deadLetters = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
        // the consumer's and the dead-letter producer's own metrics, for as long as these two clients live
        List<KafkaClientMetrics> clientMetrics = List.of(new KafkaClientMetrics(consumer), new KafkaClientMetrics(deadLetters));
        clientMetrics.forEach(m -> m.bindTo(meters));
        running = true;
        worker = new Thread(() -> loop(clientMetrics), "fact-pipeline");
        worker.setDaemon(true);
        worker.start();
    }

    private void loop(List<KafkaClientMetrics> clientMetrics) {
        try {
            run();
        } finally {
            try {
                checkpointIfDue(true);
                store.flush(10_000);
            } catch (RuntimeException e) {
                log.warn("last checkpoint failed: {}", e.toString());
            }
            clientMetrics.forEach(KafkaClientMetrics::close);
            consumer.close(Duration.ofSeconds(5));
            deadLetters.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        consumerWakeup();
        if (worker != null) {
            try {
                worker.join(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void consumerWakeup() {
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 200;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
