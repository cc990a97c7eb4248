package cn.chenzhou.plan.stack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wire server's backend on an H2 file, answering only with what is on disk: every request runs as one operation
 * of the {@link GroupCommit}, marked with what its reply may reveal, and the connection's {@link DurableReplies} holds
 * the reply until that is durable. A store that fails (a full disk) is reopened from its last commit, once a second
 * until that works; meanwhile requests fail and nothing is acknowledged.
 *
 * <p>A write's reply waits for the commit after it, unless the write asked not to wait for the journal. A read's reply
 * waits only if the collection it read has changes not yet on disk — otherwise the outbox relay could publish an event
 * whose state a crash then takes back.
 */
final class DurableBackend implements MongoBackend {
    private static final Logger log = LoggerFactory.getLogger(DurableBackend.class);
    /** Commands whose replies show no stored data (the driver's handshake, heartbeats, cursor clean-up). */
    private static final Set<String> REVEAL_NOTHING = Set.of("hello", "ismaster", "buildinfo", "ping", "whatsmyuri",
            "endsessions", "killcursors", "serverstatus", "getparameter", "hostinfo", "connectionstatus",
            "getcmdlineopts", "getlog", "getfreemonitoringstatus");
    /** Stages that read or write collections other than the one aggregated. */
    private static final Set<String> OTHER_COLLECTIONS = Set.of("$lookup", "$graphLookup", "$unionWith", "$out",
            "$merge", "$facet");

    private final String file;
    private final GroupCommit commits;
    private volatile IdLookupH2Backend backend;
    private final Thread reopener;
    private volatile boolean closed;

    /** @param file the H2 file (a plain path, or any MVStore file name such as {@code nio:…}) */
    DurableBackend(String file) {
        this.file = file;
        this.backend = IdLookupH2Backend.open(file);
        this.commits = new GroupCommit(backend.store(), this::reopenSoon);
        this.reopener = new Thread(this::reopenWhileBroken, "mongo-store-reopen");
        reopener.setDaemon(true);
        reopener.start();
    }

    private final Object reopenSignal = new Object();
    // guarded by reopenSignal
    private boolean reopenAsked;

    private void reopenSoon(RuntimeException cause) {
        synchronized (reopenSignal) {
            reopenAsked = true;
            reopenSignal.notifyAll();
        }
    }

    /** Waits for a failure, then reopens the store once a second until that works; a wait, never an interrupt. */
    private void reopenWhileBroken() {
        try {
            while (true) {
                synchronized (reopenSignal) {
                    while (!reopenAsked && !closed) {
                        reopenSignal.wait();
                    }
                    if (closed) {
                        return;
                    }
                    reopenAsked = false;
                }
                while (!reopen()) {
                    synchronized (reopenSignal) {
                        if (closed) {
                            return;
                        }
                        reopenSignal.wait(1000);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Throws the failed store away and opens the file again at its last commit; false if that did not work yet. */
    private boolean reopen() {
        try {
            commits.exclusively(() -> {
                backend.store().closeImmediately();
                IdLookupH2Backend fresh = IdLookupH2Backend.open(file);
                try {
                    commits.reopened(fresh.store());
                } catch (RuntimeException e) {
                    fresh.store().closeImmediately();
                    throw e;
                }
                backend = fresh;
            });
            log.warn("the store {} is open again at its last commit", file);
            return true;
        } catch (RuntimeException e) {
            log.warn("the store {} cannot be reopened yet: {}", file, e.toString());
            return false;
        }
    }

    String statistics() {
        return commits.statistics();
    }

    // ---- requests: each one operation, its reply marked --------------------------------------------------------

    @Override
    public Document handleMessage(MongoMessage message) {
        return handle(message.getChannel(), message.getDatabaseName(), message.getDocument(),
                () -> backend.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return handle(channel, database, query, () -> backend.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        // the legacy OP_QUERY on a collection: a read of that collection
        return handle(query.getChannel(), query.getDatabaseName(), new Document("find", query.getCollectionName()),
                () -> backend.handleQuery(query));
    }

    private <T> T handle(Channel channel, String database, Document command, Supplier<T> operation) {
        if (channel.pipeline().get(DurableReplies.NAME) == null) {
            channel.pipeline().addLast(DurableReplies.NAME, new DurableReplies(commits));
        }
        return commits.operate(() -> {
            try {
                return operation.get();
            } finally {
                // also for a refusal: "duplicate key" tells of a document as much as finding it does
                channel.attr(DurableReplies.MARK).set(markOf(database, command));
            }
        });
    }

    /** What a reply to {@code command} may reveal; see the class comment. Never throws. */
    private GroupCommit.Mark markOf(String database, Document command) {
        try {
            String name = command.isEmpty() ? "" : command.keySet().iterator().next();
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "find", "count", "distinct" -> collection(database, command.get(name));
                case "getmore" -> collection(database, command.get("collection"));
                case "aggregate" -> onlyItsOwnCollection(command.get("pipeline"))
                        ? collection(database, command.get(name)) : commits.everything();
                case "insert", "update", "delete" -> unjournaled(command) ? commits.nothing() : commits.everything();
                default -> REVEAL_NOTHING.contains(name.toLowerCase(Locale.ROOT))
                        ? commits.nothing() : commits.everything();
            };
        } catch (RuntimeException storeFailed) {
            // a store that failed under the request: its reply must not go out as if durable
            return new GroupCommit.Mark(-1, Long.MAX_VALUE);
        }
    }

    /**
     * A write that asks not to wait for the journal ({@code writeConcern: {j: false}} or {@code w: 0}, as MongoDB reads
     * them): its reply — counts, or a duplicate key — goes out without waiting for the commit. What it changed is still
     * shown to no one else before it is on disk (their replies wait as ever), and a later write that waits covers it,
     * since a commit stores everything up to its version. For coordination that a crash may take back (an
     * idempotency claim, whose loss costs a retry, never a fact), not for the facts themselves.
     */
    private static boolean unjournaled(Document command) {
        return command.get("writeConcern") instanceof Document concern
                && (Boolean.FALSE.equals(concern.get("j")) || concern.get("w") instanceof Number w && w.intValue() == 0);
    }

    private GroupCommit.Mark collection(String database, Object name) {
        if (!(name instanceof String collectionName) || database == null) {
            return commits.everything();
        }
        MongoCollection<?> collection = backend.resolveDatabase(database).resolveCollection(collectionName, false);
        if (collection == null) {
            return commits.nothing();
        }
        if (collection instanceof IdLookupH2Backend.IdLookupCollection c) {
            return commits.changedAt(c.lastChange());
        }
        return commits.everything();
    }

    private static boolean onlyItsOwnCollection(Object pipeline) {
        if (!(pipeline instanceof List<?> stages)) {
            return false;
        }
        for (Object stage : stages) {
            if (!(stage instanceof Document d) || d.keySet().stream().anyMatch(OTHER_COLLECTIONS::contains)) {
                return false;
            }
        }
        return true;
    }

    // ---- the rest, delegated as one operation each ------------------------------------------------------------

    @Override
    public void handleClose(Channel channel) {
        commits.operate(() -> {
            backend.handleClose(channel);
            return null;
        });
    }

    @Override
    public void dropDatabase(String database) {
        commits.operate(() -> {
            backend.dropDatabase(database);
            return null;
        });
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return backend.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return commits.operate(() -> backend.getServerStatus());
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        commits.operate(() -> {
            backend.closeCursors(cursorIds);
            return null;
        });
    }

    @Override
    public Clock getClock() {
        return backend.getClock();
    }

    @Override
    public void enableOplog() {
        throw new UnsupportedOperationException("the platform's store keeps no oplog");
    }

    @Override
    public void disableOplog() {
        // there is none
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return commits.operate(() -> backend.resolveDatabase(database));
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        backend.version(version);
        return this;
    }

    /** Commits what is left, then closes the file; a clean stop loses nothing. Once: the server closes it too. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        synchronized (reopenSignal) {
            closed = true;
            reopenSignal.notifyAll();
        }
        commits.close();
        commits.exclusively(() -> backend.close());
    }
}
