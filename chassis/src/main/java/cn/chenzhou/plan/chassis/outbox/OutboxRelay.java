package cn.chenzhou.plan.chassis.outbox;

import static cn.chenzhou.plan.chassis.outbox.AggregateCollection.OUTBOX;
import static cn.chenzhou.plan.chassis.outbox.AggregateCollection.PENDING;

import cn.chenzhou.plan.chassis.events.EventCodec;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
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
 * A write wakes the relay at once; a sweep every {@code sweepInterval} catches events left by a crash or by
 * another instance. While Kafka is down the relay backs off and keeps the events; nothing is lost.
 *
 * <p>Several instances of a service share the work without publishing the same events twice: a relay first leases
 * a document (one atomic find-and-modify), publishes its events, then removes them and releases the lease in one
 * update. A relay that dies holding a lease leaves it to expire ({@value #LEASE_SECONDS} s), then another takes over.
 */
public final class OutboxRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 64;
    static final long LEASE_SECONDS = 10;
    static final String LEASE = "_relayLease";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final java.util.function.Supplier<Producer<String, byte[]>> producers;
    private volatile Producer<String, byte[]> producer;
    private final EventCodec codec;
    private final Duration sweepInterval;
    private final boolean autoStartup;
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private final Semaphore wakeups = new Semaphore(0);
    private final AtomicLong published = new AtomicLong();
    private volatile boolean running;
    private Thread worker;

    /**
     * @param producers makes the Kafka producer; a new one on each start, so the relay can be stopped and started
     *                  again (Spring pauses and resumes cached test contexts that way)
     */
    public OutboxRelay(MongoTemplate mongo, java.util.function.Supplier<Producer<String, byte[]>> producers,
                       EventCodec codec, Duration sweepInterval, boolean autoStartup) {
        this.mongo = mongo;
        this.producers = producers;
        this.codec = codec;
        this.sweepInterval = sweepInterval;
        this.autoStartup = autoStartup;
    }

    void register(String collection) {
        collections.add(collection);
    }

    /** Called after a write that queued events: publish them now rather than at the next sweep. */
    public void wake() {
        wakeups.release();
    }

    /** Events this relay has published since start (a duplicate after a crash counts again). */
    public long publishedCount() {
        return published.get();
    }

    /** Publishes everything pending now; returns how many events went out. Also used by tests. */
    public int relayPending() {
        int sent = 0;
        for (String collection : collections) {
            sent += relayCollection(collection);
        }
        return sent;
    }

    private int relayCollection(String collection) {
        var raw = mongo.getCollection(collection);
        int sent = 0;
        while (true) {
            List<Leased> leased = lease(raw);
            if (leased.isEmpty()) {
                return sent;
            }
            publishInRounds(leased);
            for (Leased doc : leased) {
                raw.updateOne(Filters.eq("_id", doc.id), Updates.combine(
                        Updates.pull(OUTBOX, Filters.in("id", doc.acknowledged)), Updates.unset(LEASE)));
                raw.updateOne(Filters.and(Filters.eq("_id", doc.id), Filters.size(OUTBOX, 0)), Updates.set(PENDING, false));
                sent += doc.acknowledged.size();
            }
            List<String> incomplete = leased.stream().filter(d -> d.acknowledged.size() < d.entries.size())
                    .map(d -> collection + "/" + d.id).toList();
            if (!incomplete.isEmpty()) {
                throw new IllegalStateException("broker did not acknowledge every event of " + incomplete);
            }
            if (leased.size() < BATCH) {
                return sent;
            }
        }
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

    private List<Leased> lease(com.mongodb.client.MongoCollection<Document> raw) {
        List<Leased> leased = new ArrayList<>();
        while (leased.size() < BATCH) {
            Date now = new Date();
            Document doc = raw.findOneAndUpdate(
                    Filters.and(Filters.eq(PENDING, true),
                            Filters.or(Filters.exists(LEASE, false), Filters.lt(LEASE, now))),
                    Updates.set(LEASE, new Date(now.getTime() + LEASE_SECONDS * 1000)),
                    new FindOneAndUpdateOptions().projection(Projections.include(OUTBOX)).returnDocument(ReturnDocument.AFTER));
            if (doc == null) {
                break;
            }
            leased.add(new Leased(doc.get("_id"), doc.getList(OUTBOX, Document.class, List.of()).stream()
                    .map(OutboxEntry::fromDocument).toList()));
        }
        return leased;
    }

    /**
     * Publishes the leased documents' events so that an aggregate's events reach the topic in their order even when
     * the broker fails some requests: round n sends the n-th pending event of every document still in good standing,
     * then waits for each acknowledgement. An event is never sent before the one before it was acknowledged — with
     * everything sent at once, a failed batch could be followed by a delivered later one (the producer starts a new
     * epoch after a batch expires), putting an aggregate's events out of order for its readers.
     */
    private void publishInRounds(List<Leased> leased) {
        for (int round = 0; ; round++) {
            List<Leased> inRound = new ArrayList<>();
            List<Future<RecordMetadata>> futures = new ArrayList<>();
            for (Leased doc : leased) {
                if (doc.failed || round >= doc.entries.size()) {
                    continue;
                }
                try {
                    futures.add(producer.send(codec.toRecord(doc.entries.get(round))));
                    inRound.add(doc);
                } catch (RuntimeException e) {
                    log.warn("could not hand an event to the Kafka producer: {}", e.toString());
                    doc.failed = true;
                }
            }
            if (inRound.isEmpty()) {
                return;
            }
            for (int i = 0; i < inRound.size(); i++) {
                Leased doc = inRound.get(i);
                OutboxEntry entry = doc.entries.get(round);
                try {
                    futures.get(i).get(30, TimeUnit.SECONDS);
                    doc.acknowledged.add(entry.id());
                    published.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    doc.failed = true;
                } catch (Exception e) {
                    log.warn("event {} not acknowledged by Kafka: {}", entry.id(), e.toString());
                    doc.failed = true;
                }
            }
        }
    }

    private void loop() {
        long backoffMs = 0;
        while (running) {
            try {
                wakeups.tryAcquire(backoffMs > 0 ? backoffMs : sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
                if (!running) {
                    return;
                }
                relayPending();
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
            producer.close(Duration.ofSeconds(5));
            producer = null;
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
