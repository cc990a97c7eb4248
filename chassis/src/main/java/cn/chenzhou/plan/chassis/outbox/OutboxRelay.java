package cn.chenzhou.plan.chassis.outbox;

import static cn.chenzhou.plan.chassis.outbox.AggregateCollection.OUTBOX;
import static cn.chenzhou.plan.chassis.outbox.AggregateCollection.PENDING;

import cn.chenzhou.plan.chassis.events.EventCodec;
import cn.chenzhou.plan.chassis.events.EventTracing;
import com.mongodb.client.model.Filters;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.micrometer.tracing.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Publishes the events queued in aggregate documents to Kafka, then removes them from the documents.
 *
 * <p>At least once: an event is removed only after the broker acknowledged it (acks=all), so a crash or a
 * broker outage between the two steps republishes it — the same event id — and consumers drop the duplicate.
 * Events of one aggregate are published in their order, one aggregate's to one partition (keyed by its id).
 * A write hands the relay the aggregate it changed, which the relay publishes at once, looked up by id; a sweep — at
 * start and every {@code sweepInterval} — searches every collection for events left by a crash or by another
 * instance. While Kafka is down the relay backs off and keeps the events, retrying the aggregates it was handed;
 * nothing is lost.
 *
 * <p>Several instances of a service share the work: a relay first leases a batch of documents (one update, under a
 * token of its own), publishes their events round by round, renewing the lease before each round, then removes them
 * and releases the leases. A relay that dies holding a lease leaves it to expire ({@value #LEASE_SECONDS} s), then
 * another takes over. A round that outlasts the lease (a broker taking longer than that to acknowledge) lets another
 * relay publish the same events again: consumers drop the duplicates, and neither relay sends an aggregate's event
 * before the one before it was acknowledged.
 */
public final class OutboxRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 64;
    static final long LEASE_SECONDS = 10;
    static final String LEASE = "_relayLease";
    static final String LEASE_BY = "_relayLeaseBy";
    private static final Bson PENDING_FILTER = Filters.eq(PENDING, true);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final java.util.function.Supplier<Producer<String, byte[]>> producers;
    private volatile Producer<String, byte[]> producer;
    private final OutboxMetrics metrics;
    private AutoCloseable producerMetrics;
    private final EventCodec codec;
    private final EventTracing tracing;
    private final Duration sweepInterval;
    private final boolean autoStartup;
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Written> written = new ConcurrentLinkedQueue<>();
    private volatile boolean sweepAsked = true;
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread worker;

    /**
     * @param producers makes the Kafka producer; a new one on each start, so the relay can be stopped and started
     *                  again (Spring pauses and resumes cached test contexts that way)
     */
    OutboxRelay(MongoTemplate mongo, java.util.function.Supplier<Producer<String, byte[]>> producers,
                EventCodec codec, Duration sweepInterval, boolean autoStartup, OutboxMetrics metrics, EventTracing tracing) {
        this.mongo = mongo;
        this.producers = producers;
        this.metrics = metrics;
        this.codec = codec;
        this.sweepInterval = sweepInterval;
        this.autoStartup = autoStartup;
        this.tracing = tracing;
    }

    void register(String collection) {
        collections.add(collection);
        metrics.watch(collection);
    }

    /** An aggregate document that a write of this instance gave events to. */
    private record Written(String collection, Object id) {
    }

    /** Asks for a sweep of every collection now rather than at the next interval. */
    private void wake() {
        sweepAsked = true;
        wakeups.release();
    }

    /**
     * Called after a write that queued events on an aggregate: publish them now, looked up by its id. A relay that is
     * not running keeps no list (its start sweeps every collection anyway).
     */
    void written(String collection, Object id) {
        if (!running) {
            return;
        }
        written.add(new Written(collection, id));
        wakeups.release();
    }

    /** Publishes everything pending now; returns how many events went out. */
    private int relayPending() {
        int sent = 0;
        for (String collection : collections) {
            sent += relayCollection(collection);
        }
        return sent;
    }

    /**
     * The sweep of one collection: a query for the ids of up to {@value #BATCH} pending documents (on the embedded store
     * it reads the whole collection, so once a batch, not once a document), then those leased, published and cleared.
     */
    private int relayCollection(String collection) {
        int sent = 0;
        while (true) {
            Set<Object> ids = new LinkedHashSet<>();
            for (Document doc : mongo.getCollection(collection).find(PENDING_FILTER)
                    .projection(Projections.include("_id")).limit(BATCH)) {
                ids.add(doc.get("_id"));
            }
            if (ids.isEmpty()) {
                return sent;
            }
            int leased = publish(collection, ids);
            sent += leased;
            if (ids.size() < BATCH || leased == 0) {
                return sent;
            }
        }
    }

    /** Publishes the events of the aggregates handed over by writes, up to {@value #BATCH} documents at a time. */
    private int relayWritten() {
        int sent = 0;
        while (!written.isEmpty()) {
            Map<String, Set<Object>> batch = new LinkedHashMap<>();
            int size = 0;
            Written w;
            while (size < BATCH && (w = written.poll()) != null) {
                if (batch.computeIfAbsent(w.collection(), k -> new LinkedHashSet<>()).add(w.id())) {
                    size++;
                }
            }
            try {
                for (Map.Entry<String, Set<Object>> e : batch.entrySet()) {
                    sent += publish(e.getKey(), e.getValue());
                }
            } catch (RuntimeException e) {
                // try these again after the back-off (a document already published is no longer pending: skipped)
                batch.forEach((collection, ids) -> ids.forEach(id -> written.add(new Written(collection, id))));
                throw e;
            }
        }
        return sent;
    }

    /** A document whose outbox this relay leased: its entries in order, and those the broker acknowledged. */
    private static final class Leased {
        final Object id;
        final List<OutboxEntry> entries;
        final List<String> acknowledged = new ArrayList<>();
        boolean failed;

        Leased(Object id, List<OutboxEntry> entries) {
            this.id = id;
            this.entries = entries;
        }
    }

    /**
     * Leases those of the documents that are pending and not leased by another relay (one update), reads them (one
     * query), publishes their events and clears what was acknowledged. Returns the number of events published; throws
     * if the broker did not acknowledge them all (the rest stay pending for the next try).
     */
    private int publish(String collection, Set<Object> ids) {
        MongoCollection<Document> raw = mongo.getCollection(collection);
        Date now = new Date();
        String token = UUID.randomUUID().toString();
        raw.updateMany(Filters.and(Filters.in("_id", ids), PENDING_FILTER,
                        Filters.or(Filters.exists(LEASE, false), Filters.lt(LEASE, now))),
                Updates.combine(Updates.set(LEASE, new Date(now.getTime() + LEASE_SECONDS * 1000)), Updates.set(LEASE_BY, token)));
        List<Leased> leased = new ArrayList<>(ids.size());
        for (Document doc : raw.find(Filters.and(Filters.in("_id", ids), Filters.eq(LEASE_BY, token))).projection(Projections.include(OUTBOX))) {
            leased.add(new Leased(doc.get("_id"), doc.getList(OUTBOX, Document.class, List.of()).stream()
                    .map(OutboxEntry::fromDocument).toList()));
        }
        if (leased.isEmpty()) {
            return 0;
        }
        publishInRounds(raw, token, leased);
        int sent = 0;
        // documents whose every event went out, by their number of events: emptied together, if no event came since
        Map<Integer, List<Object>> complete = new LinkedHashMap<>();
        for (Leased doc : leased) {
            sent += doc.acknowledged.size();
            if (doc.acknowledged.size() == doc.entries.size()) {
                complete.computeIfAbsent(doc.entries.size(), k -> new ArrayList<>()).add(doc.id);
            } else {
                removePublished(raw, doc, token);
            }
        }
        complete.forEach((events, done) -> {
            long cleared = raw.updateMany(Filters.and(Filters.in("_id", done), Filters.eq(LEASE_BY, token), Filters.size(OUTBOX, events)),
                    Updates.combine(Updates.set(OUTBOX, List.of()), Updates.set(PENDING, false), Updates.unset(LEASE),
                            Updates.unset(LEASE_BY))).getModifiedCount();
            if (cleared < done.size()) {
                // events were added to some since the lease: those still carry this relay's lease; remove exactly the
                // published events from them
                Set<Object> stillLeased = new java.util.HashSet<>();
                raw.find(Filters.and(Filters.in("_id", done), Filters.eq(LEASE_BY, token))).projection(Projections.include("_id"))
                        .forEach(d -> stillLeased.add(d.get("_id")));
                leased.stream().filter(d -> stillLeased.contains(d.id)).forEach(d -> removePublished(raw, d, token));
            }
        });
        List<String> incomplete = leased.stream().filter(d -> d.acknowledged.size() < d.entries.size())
                .map(d -> collection + "/" + d.id).toList();
        if (!incomplete.isEmpty()) {
            throw new IllegalStateException("broker did not acknowledge every event of " + incomplete);
        }
        return sent;
    }

    /**
     * Removes the acknowledged events from a document (a no-op for one already cleared) and releases its lease — only
     * if it is still this relay's: a lease that expired meanwhile may be another relay's now.
     */
    private static void removePublished(MongoCollection<Document> raw, Leased doc, String token) {
        Bson published = Updates.pull(OUTBOX, Filters.in("id", doc.acknowledged));
        if (raw.updateOne(Filters.and(Filters.eq("_id", doc.id), Filters.eq(LEASE_BY, token)),
                Updates.combine(published, Updates.unset(LEASE), Updates.unset(LEASE_BY))).getMatchedCount() == 0) {
            raw.updateOne(Filters.eq("_id", doc.id), published);
        }
        raw.updateOne(Filters.and(Filters.eq("_id", doc.id), Filters.size(OUTBOX, 0)), Updates.set(PENDING, false));
    }

    /**
     * Publishes the leased documents' events so that an aggregate's events reach the topic in their order even when
     * the broker fails some requests: round n sends the n-th pending event of every document still in good standing,
     * then waits for each acknowledgement. An event is never sent before the one before it was acknowledged — with
     * everything sent at once, a failed batch could be followed by a delivered later one (the producer starts a new
     * epoch after a batch expires), putting an aggregate's events out of order for its readers.
     */
    private void publishInRounds(MongoCollection<Document> raw, String token, List<Leased> leased) {
        for (int round = 0; ; round++) {
            if (round > 0) {
                renewLeases(raw, token, leased, round);
            }
            List<Leased> inRound = new ArrayList<>();
            List<Future<RecordMetadata>> futures = new ArrayList<>();
            // each event's publishing, from the hand-over to the producer to the broker's acknowledgement, is a span of
            // the trace of the request that made the change
            List<Span> spans = new ArrayList<>();
            for (Leased doc : leased) {
                if (doc.failed || round >= doc.entries.size()) {
                    continue;
                }
                OutboxEntry entry = doc.entries.get(round);
                Span span = tracing.startChild(entry.traceParent(), "outbox publish", true, entry.topic())
                        .tag("event.type", entry.type());
                try {
                    futures.add(producer.send(codec.toRecord(entry)));
                    inRound.add(doc);
                    spans.add(span);
                } catch (RuntimeException e) {
                    log.warn("could not hand an event to the Kafka producer: {}", e.toString());
                    doc.failed = true;
                    span.error(e).end();
                }
            }
            if (inRound.isEmpty()) {
                return;
            }
            for (int i = 0; i < inRound.size(); i++) {
                Leased doc = inRound.get(i);
                OutboxEntry entry = doc.entries.get(round);
                Span span = spans.get(i);
                try {
                    futures.get(i).get(30, TimeUnit.SECONDS);
                    doc.acknowledged.add(entry.id());
                    metrics.published(entry.topic(), entry.time());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    doc.failed = true;
                    span.error(e);
                } catch (Exception e) {
                    log.warn("event {} not acknowledged by Kafka: {}", entry.id(), e.toString());
                    doc.failed = true;
                    span.error(e);
                } finally {
                    span.end();
                }
            }
        }
    }

    /** Extends this relay's lease on the documents that still have events to send from round {@code round} on. */
    private static void renewLeases(MongoCollection<Document> raw, String token, List<Leased> leased, int round) {
        List<Object> going = leased.stream().filter(d -> !d.failed && round < d.entries.size()).map(d -> d.id).toList();
        if (!going.isEmpty()) {
            raw.updateMany(Filters.and(Filters.in("_id", going), Filters.eq(LEASE_BY, token)),
                    Updates.set(LEASE, new Date(System.currentTimeMillis() + LEASE_SECONDS * 1000)));
        }
    }

    private void loop() {
        long backoffMs = 0;
        long nextSweep = System.nanoTime();
        // a worker that outlived stop() (stuck on the broker) ends instead of running on beside the next start's
        while (running && Thread.currentThread() == worker) {
            try {
                if (backoffMs > 0) {
                    // the whole back-off, however many writes arrive meanwhile (they wake the relay)
                    Thread.sleep(backoffMs);
                } else {
                    long untilSweep = Math.max(0, TimeUnit.NANOSECONDS.toMillis(nextSweep - System.nanoTime()));
                    wakeups.tryAcquire(untilSweep, TimeUnit.MILLISECONDS);
                }
                wakeups.drainPermits();
                if (!running) {
                    return;
                }
                relayWritten();
                if (sweepAsked || System.nanoTime() - nextSweep >= 0) {
                    sweepAsked = false;
                    nextSweep = System.nanoTime() + sweepInterval.toNanos();
                    relayPending();
                }
                backoffMs = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoffMs = Math.min(MAX_BACKOFF.toMillis(), Math.max(100, backoffMs * 2));
                log.warn("outbox relay will retry in {} ms: {}", backoffMs, e.toString());
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        producer = producers.get();
        producerMetrics = metrics.bind(producer);
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
        wake();
    }

    @Override
    public synchronized void stop() {
        running = false;
        wake();
        if (worker != null) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            closeQuietly(producerMetrics);
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private static void closeQuietly(AutoCloseable binding) {
        try {
            binding.close();
        } catch (Exception e) {
            log.debug("could not unbind the producer's metrics: {}", e.toString());
        }
    }

    /**
     * False when {@code platform.outbox.relay-enabled=false}: the service stores changes and their events but does not
     * publish them — what a service that crashed right after a write leaves behind. Tests use it to prove that the
     * next instance publishes those events, once.
     */
    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (which stops first) and before the MongoDB client goes away. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}
