package cn.chenzhou.plan.reporting.facts;

import cn.chenzhou.plan.chassis.events.EventTracing;
import cn.chenzhou.plan.chassis.events.PoisonEventException;
import cn.chenzhou.plan.contracts.EventAttributes;
import cn.chenzhou.plan.reporting.facts.model.FactBook;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.stereotype.Component;

/**
 * Reads the three event topics into the fact book, in batches, on the consumer thread of a spring-kafka listener
 * container.
 *
 * <p>The container is given every partition of the topics (no consumer group) and the positions kept in reporting's own
 * database next to the facts: a restart restores the facts and seeks to the positions stored with them, a rebuild seeks
 * to the beginning. Each batch is decoded, applied under one write lock (the sequence check skips duplicates), poison
 * events are sent to {@code <topic>.dlt} with their reason by the chassis's dead-letter recoverer, and only then do the
 * positions move on; any other failure is retried with the chassis's error handler (back-off, never dead-lettered).
 * Every checkpoint interval — also while no event arrives: the container's idle events — the changed aggregates and
 * then the positions are stored in the background. The partitions are looked up again every few seconds; when a topic
 * gained some, the container is started again over all of them.
 */
@Component
class FactPipeline implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(FactPipeline.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration PARTITION_REFRESH = Duration.ofSeconds(10);
    /** The longest the consumer thread waits for one answer of the broker's before the turn fails and is tried again. */
    private static final Duration BROKER_CALL = Duration.ofSeconds(5);
    private static final int PARALLEL_DECODING_FROM = 512;
    private static final String TRACEPARENT_HEADER = EventAttributes.HEADER_PREFIX + EventAttributes.TRACEPARENT;

    private final FactsReadModel model;
    private final FactStore store;
    private final EventDecoder decoder;
    private final List<String> topics;
    private final Duration checkpointInterval;
    private final DefaultKafkaConsumerFactory<String, byte[]> consumers;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final CommonErrorHandler errorHandler;
    private final EventTracing tracing;

    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final AtomicReference<String> rebuildRequest = new AtomicReference<>();
    /** Released to make the supervising thread stop the container: for good, or to start it over more partitions. */
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile PipelineStatus status;
    private Thread supervisor;

    // touched by the container's consumer thread only (and before it starts, after it stopped)
    private Consumer<?, ?> consumer;
    private Set<TopicPartition> assignedNow = Set.of();
    private List<TopicPartition> newlyAssigned = List.of();
    private String state = "CATCHING_UP";
    private Map<TopicPartition, Long> catchUpTo = Map.of();
    private long applied;
    private long duplicates;
    private long ignored;
    private long deadLettered;
    private Instant lastAppliedAt;
    private Instant lastCheckpoint = Instant.now();
    private Instant lastPartitionRefresh = Instant.now();
    private boolean fullSnapshotDue;
    private Map<TopicPartition, Long> savedPositions = Map.of();
    private FactBook rebuilding;
    private PipelineStatus.Rebuild rebuild = PipelineStatus.Rebuild.none();
    private Map<TopicPartition, Long> rebuildFrom = Map.of();

    FactPipeline(FactsReadModel model, FactStore store, EventDecoder decoder, KafkaProperties kafka,
                 @Value("${reporting.topics}") List<String> topics,
                 @Value("${reporting.checkpoint-interval:1s}") Duration checkpointInterval, MeterRegistry meters,
                 EventTracing tracing, DeadLetterPublishingRecoverer deadLetters, CommonErrorHandler errorHandler) {
        this.model = model;
        this.tracing = tracing;
        this.store = store;
        this.decoder = decoder;
        this.topics = List.copyOf(topics);
        this.checkpointInterval = checkpointInterval;
        this.deadLetters = deadLetters;
        this.errorHandler = errorHandler;
        this.consumers = consumerFactory(kafka, meters);
        this.status = snapshotStatus(0);
    }

    private static DefaultKafkaConsumerFactory<String, byte[]> consumerFactory(KafkaProperties kafka, MeterRegistry meters) {
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
        DefaultKafkaConsumerFactory<String, byte[]> factory = new DefaultKafkaConsumerFactory<>(props,
                new StringDeserializer(), new ByteArrayDeserializer());
        // the consumer's own metrics (kafka_consumer_*), for as long as it lives
        factory.addListener(new MicrometerConsumerListener<>(meters));
        return factory;
    }

    PipelineStatus status() {
        return status;
    }

    boolean isLive() {
        return "LIVE".equals(status.state());
    }

    /** Asks for a rebuild; it starts at the pipeline's next turn. False if one is already asked for or running. */
    boolean requestRebuild(String by) {
        return !"REBUILDING".equals(status.state()) && rebuildRequest.compareAndSet(null, by);
    }

    // ---- the container -------------------------------------------------------------------------------------

    /** Looks the partitions up (until the broker answers), runs a container over them until told to stop, and again. */
    private void supervise() {
        while (running) {
            Set<TopicPartition> partitions = lookUpPartitions();
            if (partitions.isEmpty()) {
                if (waitForWake(1000)) {
                    break;
                }
                continue;
            }
            KafkaMessageListenerContainer<String, byte[]> container = container(partitions);
            container.start();
            try {
                wake.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            stopAndWait(container);
        }
        try {
            checkpointIfDue(true);
            store.flush(10_000);
        } catch (RuntimeException e) {
            log.warn("last checkpoint failed: {}", e.toString());
        }
    }

    /**
     * Stops the container and waits for its consumer thread to end, however long a call to the broker it is in takes:
     * after this nothing else touches the pipeline's state, which the last checkpoint and a next container read.
     */
    private static void stopAndWait(KafkaMessageListenerContainer<String, byte[]> container) {
        CountDownLatch stopped = new CountDownLatch(1);
        container.stop(stopped::countDown);
        boolean interrupted = false;
        while (true) {
            try {
                if (stopped.await(20, TimeUnit.SECONDS)) {
                    break;
                }
                log.warn("still waiting for the fact pipeline's consumer thread to end");
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** True if woken (to stop). */
    private boolean waitForWake(long ms) {
        try {
            return wake.tryAcquire(ms, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Every partition of every topic, or none while any topic's are not known (the caller asks again). */
    private Set<TopicPartition> lookUpPartitions() {
        Set<TopicPartition> all = new HashSet<>();
        try (Consumer<String, byte[]> lookUp = consumers.createConsumer(null, "reporting-partitions", null)) {
            for (String topic : topics) {
                if (!running) {
                    break;
                }
                try {
                    List<PartitionInfo> infos = lookUp.partitionsFor(topic, BROKER_CALL);
                    if (infos == null || infos.isEmpty()) {
                        log.warn("partitions of {} not known yet", topic);
                        return Set.of();
                    }
                    infos.forEach(i -> all.add(new TopicPartition(i.topic(), i.partition())));
                } catch (RuntimeException e) {
                    // reading some topics but not all would go live on half the facts
                    log.warn("partitions of {} not known yet: {}", topic, e.toString());
                    return Set.of();
                }
            }
        }
        return all;
    }

    private KafkaMessageListenerContainer<String, byte[]> container(Set<TopicPartition> partitions) {
        ContainerProperties properties = new ContainerProperties(partitions.stream()
                .map(tp -> new TopicPartitionOffset(tp.topic(), tp.partition())).toArray(TopicPartitionOffset[]::new));
        properties.setMessageListener(new Listener());
        properties.setPollTimeout(POLL.toMillis());
        // an idle container still turns: checkpoints, the state (caught up?) and a rebuild asked for do not wait for events
        properties.setIdleEventInterval(POLL.toMillis());
        properties.setIdleBeforeDataMultiplier(1.0);
        properties.setShutdownTimeout(20_000);
        KafkaMessageListenerContainer<String, byte[]> container = new KafkaMessageListenerContainer<>(consumers, properties);
        container.setBeanName("fact-pipeline");
        container.setCommonErrorHandler(errorHandler);
        container.setApplicationEventPublisher(event -> {
            if (event instanceof ListenerContainerIdleEvent idle) {
                idle(idle.getConsumer());
            }
        });
        return container;
    }

    /** The container's listener: a batch at a time, with the consumer (on its thread) for the offsets a turn asks for. */
    private final class Listener implements BatchConsumerAwareMessageListener<String, byte[]>, ConsumerSeekAware {
        @Override
        public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
            // the positions stored with the facts (or the beginning of a partition never read)
            List<TopicPartition> fromStart = new ArrayList<>();
            assignments.keySet().forEach(tp -> {
                Long stored = positions.get(tp);
                if (stored != null) {
                    callback.seek(tp.topic(), tp.partition(), stored);
                } else {
                    fromStart.add(tp);
                }
            });
            if (!fromStart.isEmpty()) {
                callback.seekToBeginning(fromStart);
            }
            List<TopicPartition> added = new ArrayList<>(assignments.keySet());
            added.removeAll(assignedNow);
            newlyAssigned = added;
            assignedNow = Set.copyOf(assignments.keySet());
        }

        @Override
        public void onMessage(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
            FactPipeline.this.consumer = consumer;
            if (!beginTurn()) {
                // a rebuild began: the batch is read again from the beginning
                return;
            }
            process(records);
            try {
                endTurn();
            } catch (RuntimeException e) {
                // the batch is applied: a failure of the turn's housekeeping must not make it run again
                log.warn("fact pipeline will try again: {}", e.toString());
            }
        }
    }

    /** A turn without events. */
    private void idle(Consumer<?, ?> consumer) {
        this.consumer = consumer;
        try {
            if (beginTurn()) {
                endTurn();
            }
        } catch (RuntimeException e) {
            log.warn("fact pipeline will try again: {}", e.toString());
        }
    }

    /** False if a rebuild began. */
    private boolean beginTurn() {
        if (!newlyAssigned.isEmpty()) {
            // caught up once these partitions are read to where they end now (a throw: the next turn asks again)
            Map<TopicPartition, Long> targets = new HashMap<>(catchUpTo);
            targets.putAll(consumer.endOffsets(newlyAssigned, BROKER_CALL));
            catchUpTo = targets;
            newlyAssigned = List.of();
        }
        String by = rebuildRequest.getAndSet(null);
        if (by != null) {
            startRebuild(by);
            return false;
        }
        return true;
    }

    private void endTurn() {
        refreshPartitionsIfDue();
        advanceState();
        checkpointIfDue(false);
    }

    private void refreshPartitionsIfDue() {
        if (Duration.between(lastPartitionRefresh, Instant.now()).compareTo(PARTITION_REFRESH) < 0) {
            return;
        }
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, BROKER_CALL);
            if (infos != null && infos.stream().anyMatch(i -> !assignedNow.contains(new TopicPartition(i.topic(), i.partition())))) {
                log.info("{} has partitions the pipeline does not read yet: starting it again over all of them", topic);
                wake.release();
                return;
            }
        }
        // only once every topic answered: a look-up that failed is tried at the next turn
        lastPartitionRefresh = Instant.now();
    }

    private void process(List<ConsumerRecord<String, byte[]>> all) {
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
        try {
            apply(all, events, sources, poison, counts, spans);
        } finally {
            spans.values().forEach(Span::end);
        }
    }

    private void apply(List<ConsumerRecord<String, byte[]>> all, List<DecodedEvent> events,
                       List<ConsumerRecord<String, byte[]>> sources, List<Poison> poison, long[] counts,
                       Map<ConsumerRecord<String, byte[]>, Span> spans) {
        if (rebuilding != null) {
            applyAll(rebuilding, events, sources, poison, counts);
        } else {
            model.write(book -> applyAll(book, events, sources, poison, counts));
        }
        for (Poison p : poison) {
            spans.getOrDefault(p.record(), Span.NOOP).error(p.reason());
            deadLetter(p);
        }
        for (ConsumerRecord<String, byte[]> r : all) {
            positions.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
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
            if (traceParent == null || traceParent.value() == null) {
                continue;
            }
            try {
                spans.put(r, tracing.startChild(new String(traceParent.value(), StandardCharsets.UTF_8),
                        "reporting apply", false, r.topic()));
            } catch (RuntimeException e) {
                // tracing never fails a batch
                log.debug("no span for {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.toString());
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
        // waits for the broker: if the event cannot be set aside the batch fails and is tried again
        deadLetters.accept(p.record(), consumer, p.reason());
    }

    // ---- catching up, rebuilding, checkpoints ------------------------------------------------------------

    private void startRebuild(String by) {
        log.info("rebuild asked for by {}: dropping the read model and reading every topic from its beginning", by);
        Collection<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(assigned, BROKER_CALL);
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, BROKER_CALL);
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

    /** Where the pipeline is in a partition (0 for one it does not read now: not caught up). */
    private long positionOf(TopicPartition tp) {
        Long p = positions.get(tp);
        if (p != null) {
            return p;
        }
        return consumer.assignment().contains(tp) ? consumer.position(tp, BROKER_CALL) : 0;
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
        assignedNow = Set.of();
        newlyAssigned = List.of();
        status = snapshotStatus(0);
        log.info("fact book restored: {} aggregates, resuming at {} stored positions", stored.aggregates().size(),
                stored.positions().size());
        wake.drainPermits();
        running = true;
        supervisor = new Thread(this::supervise, "fact-pipeline");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        wake.release();
        if (supervisor != null) {
            try {
                supervisor.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
}
