package cn.chenzhou.plan.chassis.outbox;

import static cn.chenzhou.plan.chassis.outbox.AggregateCollection.OUTBOX;
import static cn.chenzhou.plan.chassis.outbox.AggregateCollection.PENDING;

import cn.chenzhou.plan.chassis.events.EventCodec;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    static final String LEASE_BY = "_relayLeaseBy";
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

    /**
     * The sweep of one collection: one query for the ids of pending documents (on the embedded store it reads the whole
     * collection, so once per round, not once per document), then those leased, published and cleared as a batch.
     */
    private int relayCollection(String collection) {
        int sent = 0;
        for (int round = 0; round < 64; round++) {
            Set<Object> ids = new LinkedHashSet<>();
            for (Document doc : mongo.getCollection(collection).find(PENDING_FILTER).projection(Projections.include("_id")).limit(BATCH)) {
                ids.add(doc.get("_id"));
            }
            if (ids.isEmpty()) {
                return sent;
            }
            List<Leased> leased = leaseAll(collection, ids);
            sent += publish(leased);
            if (ids.size() < BATCH || leased.isEmpty()) {
                return sent;
            }
        }
        return sent;
    }

    /**
     * Publishes the events of the aggregates handed over by writes, up to {@value #BATCH} documents at a time: the
     * documents of a collection are leased with one update and read with one query, their events all sent and then
     * all acknowledged, and the documents cleared with one update.
     */
    int relayWritten() {
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
                List<Leased> leased = new ArrayList<>(size);
                for (Map.Entry<String, Set<Object>> e : batch.entrySet()) {
                    leased.addAll(leaseAll(e.getKey(), e.getValue()));
                }
                sent += publish(leased);
            } catch (RuntimeException e) {
                // try these again after the back-off (a document already published is no longer pending: skipped)
                batch.forEach((collection, ids) -> ids.forEach(id -> written.add(new Written(collection, id))));
                throw e;
            }
        }
        return sent;
    }

    private static final org.bson.conversions.Bson PENDING_FILTER = Filters.eq(PENDING, true);

    /** A document leased for publishing (under {@code token}), with the events it held when leased. */
    private record Leased(String collection, Object id, String token, List<OutboxEntry> entries) {
    }

    private static org.bson.conversions.Bson leaseIsFree(Date now) {
        return Filters.or(Filters.exists(LEASE, false), Filters.lt(LEASE, now));
    }

    private static org.bson.conversions.Bson takeLease(Date now, String token) {
        return Updates.combine(Updates.set(LEASE, new Date(now.getTime() + LEASE_SECONDS * 1000)), Updates.set(LEASE_BY, token));
    }

    private static List<OutboxEntry> entries(Document doc) {
        return doc.getList(OUTBOX, Document.class, List.of()).stream().map(OutboxEntry::fromDocument).toList();
    }

    /** Leases, with one update, those of the documents that are pending and free; reads them with one query. */
    private List<Leased> leaseAll(String collection, Set<Object> ids) {
        Date now = new Date();
        String token = UUID.randomUUID().toString();
        var raw = mongo.getCollection(collection);
        raw.updateMany(Filters.and(Filters.in("_id", ids), PENDING_FILTER, leaseIsFree(now)), takeLease(now, token));
        List<Leased> leased = new ArrayList<>(ids.size());
        for (Document doc : raw.find(Filters.and(Filters.in("_id", ids), Filters.eq(LEASE_BY, token)))
                .projection(Projections.include(OUTBOX))) {
            leased.add(new Leased(collection, doc.get("_id"), token, entries(doc)));
        }
        return leased;
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
        // documents whose every event went out, by collection, lease and number of events: cleared together
        Map<List<Object>, List<Object>> complete = new LinkedHashMap<>();
        for (int d = 0; d < leased.size(); d++) {
            Leased l = leased.get(d);
            List<String> acknowledged = awaitInOrder(l.entries(), futures.get(d));
            sent += acknowledged.size();
            if (acknowledged.size() == l.entries().size()) {
                complete.computeIfAbsent(List.of(l.collection(), l.token(), l.entries().size()), k -> new ArrayList<>()).add(l.id());
            } else {
                removePublished(l.collection(), l.id(), acknowledged);
                unacknowledged = l.collection() + "/" + l.id();
            }
        }
        complete.forEach((key, ids) -> clear((String) key.get(0), (String) key.get(1), (Integer) key.get(2), ids, leased));
        if (unacknowledged != null) {
            throw new IllegalStateException("broker did not acknowledge every event of " + unacknowledged);
        }
        return sent;
    }

    /** Empties the outboxes of documents that got no new events since they were leased; the others one by one. */
    private void clear(String collection, String token, int events, List<Object> ids, List<Leased> leased) {
        var raw = mongo.getCollection(collection);
        long cleared = raw.updateMany(Filters.and(Filters.in("_id", ids), Filters.eq(LEASE_BY, token), Filters.size(OUTBOX, events)),
                Updates.combine(Updates.set(OUTBOX, List.of()), Updates.set(PENDING, false), Updates.unset(LEASE),
                        Updates.unset(LEASE_BY))).getModifiedCount();
        if (cleared == ids.size()) {
            return;
        }
        // events were added to some since the lease: remove exactly those published from them
        for (Document doc : raw.find(Filters.and(Filters.in("_id", ids), Filters.eq(LEASE_BY, token)))
                .projection(Projections.include("_id"))) {
            Object id = doc.get("_id");
            leased.stream().filter(l -> l.collection().equals(collection) && l.id().equals(id)).findFirst()
                    .ifPresent(l -> removePublished(collection, id, l.entries().stream().map(OutboxEntry::id).toList()));
        }
    }

    private void removePublished(String collection, Object id, List<String> published) {
        var raw = mongo.getCollection(collection);
        raw.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.pull(OUTBOX, Filters.in("id", published)), Updates.unset(LEASE), Updates.unset(LEASE_BY)));
        raw.updateOne(Filters.and(Filters.eq("_id", id), Filters.size(OUTBOX, 0)), Updates.set(PENDING, false));
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
