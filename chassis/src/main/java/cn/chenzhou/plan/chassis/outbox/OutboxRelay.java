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
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * A write hands the relay the aggregate it changed, which the relay publishes at once, looked up by id (several
 * written together are published together: all sent, then all acknowledged). A sweep — at start and every
 * {@code sweepInterval} — searches every collection for events left by a crash or by another instance. While Kafka is
 * down the relay backs off and keeps the events, retrying the aggregates it was handed; nothing is lost.
 *
 * <p>Several instances of a service share the work without publishing the same events twice: a relay first leases
 * a document (one atomic find-and-modify), publishes its events, then removes them and releases the lease in one
 * update. A relay that dies holding a lease leaves it to expire ({@value #LEASE_SECONDS} s), then another takes over.
 */
public final class OutboxRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 256;
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
    private final ConcurrentLinkedQueue<Written> written = new ConcurrentLinkedQueue<>();
    private volatile boolean sweepAsked = true;
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

    /** An aggregate document that a write of this instance gave events to. */
    private record Written(String collection, Object id) {
    }

    /** Asks for a sweep of every collection now rather than at the next interval. */
    public void wake() {
        sweepAsked = true;
        wakeups.release();
    }

    /** Called after a write that queued events on an aggregate: publish them now, looked up by its id. */
    void written(String collection, Object id) {
        written.add(new Written(collection, id));
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
        int sent = 0;
        for (int i = 0; i < BATCH; i++) {
            Leased leased = lease(collection, PENDING_FILTER);
            if (leased == null) {
                return sent;
            }
            sent += publish(List.of(leased));
        }
        return sent;
    }

    /** Publishes the events of the aggregates handed over by writes, up to {@value #BATCH} documents at a time. */
    int relayWritten() {
        int sent = 0;
        while (!written.isEmpty()) {
            java.util.LinkedHashSet<Written> batch = new java.util.LinkedHashSet<>();
            Written w;
            while (batch.size() < BATCH && (w = written.poll()) != null) {
                batch.add(w);
            }
            List<Leased> leased = new ArrayList<>(batch.size());
            try {
                for (Written one : batch) {
                    Leased l = lease(one.collection(), Filters.eq("_id", one.id()));
                    if (l != null) {
                        leased.add(l);
                    }
                }
                sent += publish(leased);
            } catch (RuntimeException e) {
                // try these again after the back-off (a document already published is no longer pending: skipped)
                written.addAll(batch);
                throw e;
            }
        }
        return sent;
    }

    private static final org.bson.conversions.Bson PENDING_FILTER = Filters.eq(PENDING, true);

    /** A document leased for publishing, with the events it held when leased. */
    private record Leased(String collection, Object id, List<OutboxEntry> entries) {
    }

    /** Leases one pending document matching {@code which} whose lease is free or expired; null if none. */
    private Leased lease(String collection, org.bson.conversions.Bson which) {
        Date now = new Date();
        Document doc = mongo.getCollection(collection).findOneAndUpdate(
                Filters.and(which, Filters.eq(PENDING, true),
                        Filters.or(Filters.exists(LEASE, false), Filters.lt(LEASE, now))),
                Updates.set(LEASE, new Date(now.getTime() + LEASE_SECONDS * 1000)),
                new FindOneAndUpdateOptions().projection(Projections.include(OUTBOX)).returnDocument(ReturnDocument.AFTER));
        if (doc == null) {
            return null;
        }
        List<OutboxEntry> entries = doc.getList(OUTBOX, Document.class, List.of()).stream()
                .map(OutboxEntry::fromDocument)
                .toList();
        return new Leased(collection, doc.get("_id"), entries);
    }

    /**
     * Sends the events of every leased document (each document's in order), then waits for the acknowledgements and
     * removes what was acknowledged from each document, releasing its lease. Throws if any event was not acknowledged.
     */
    private int publish(List<Leased> leased) {
        List<List<Future<RecordMetadata>>> futures = new ArrayList<>(leased.size());
        for (Leased l : leased) {
            futures.add(send(l.entries()));
        }
        int sent = 0;
        String unacknowledged = null;
        for (int d = 0; d < leased.size(); d++) {
            Leased l = leased.get(d);
            List<String> acknowledged = awaitInOrder(l.entries(), futures.get(d));
            var raw = mongo.getCollection(l.collection());
            boolean cleared = acknowledged.size() == l.entries().size() && raw.updateOne(
                    Filters.and(Filters.eq("_id", l.id()), Filters.size(OUTBOX, l.entries().size())),
                    Updates.combine(Updates.set(OUTBOX, List.of()), Updates.set(PENDING, false), Updates.unset(LEASE)))
                    .getModifiedCount() == 1;
            if (!cleared) {
                // events were added since the lease (or not all went out): remove exactly those acknowledged
                raw.updateOne(Filters.eq("_id", l.id()), Updates.combine(
                        Updates.pull(OUTBOX, Filters.in("id", acknowledged)), Updates.unset(LEASE)));
                raw.updateOne(Filters.and(Filters.eq("_id", l.id()), Filters.size(OUTBOX, 0)), Updates.set(PENDING, false));
            }
            sent += acknowledged.size();
            if (acknowledged.size() < l.entries().size()) {
                unacknowledged = l.collection() + "/" + l.id();
            }
        }
        if (unacknowledged != null) {
            throw new IllegalStateException("broker did not acknowledge every event of " + unacknowledged);
        }
        return sent;
    }

    /** Hands the entries to the producer in order; stops at the first it will not take. */
    private List<Future<RecordMetadata>> send(List<OutboxEntry> entries) {
        List<Future<RecordMetadata>> futures = new ArrayList<>(entries.size());
        try {
            for (OutboxEntry entry : entries) {
                futures.add(producer.send(codec.toRecord(entry)));
            }
        } catch (RuntimeException e) {
            log.warn("could not hand events to the Kafka producer: {}", e.toString());
        }
        return futures;
    }

    /** Waits for each acknowledgement; returns the ids acknowledged, a prefix in order. */
    private List<String> awaitInOrder(List<OutboxEntry> entries, List<Future<RecordMetadata>> futures) {
        List<String> acknowledged = new ArrayList<>(entries.size());
        for (int i = 0; i < futures.size(); i++) {
            try {
                futures.get(i).get(30, TimeUnit.SECONDS);
                acknowledged.add(entries.get(i).id());
                published.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                log.warn("event {} not acknowledged by Kafka: {}", entries.get(i).id(), e.toString());
                break;
            }
        }
        return acknowledged;
    }

    private void loop() {
        long backoffMs = 0;
        long nextSweep = System.nanoTime();
        while (running) {
            try {
                long untilSweep = Math.max(0, TimeUnit.NANOSECONDS.toMillis(nextSweep - System.nanoTime()));
                wakeups.tryAcquire(backoffMs > 0 ? backoffMs : untilSweep, TimeUnit.MILLISECONDS);
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
