package cn.chenzhou.plan.chassis.outbox;

import cn.chenzhou.plan.chassis.events.EventCodec;
import cn.chenzhou.plan.chassis.events.EventTracing;
import cn.chenzhou.plan.chassis.idempotency.CommandAlreadyAppliedException;
import cn.chenzhou.plan.chassis.idempotency.CommandKey;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A MongoDB collection of aggregates whose documents carry their own outbox.
 *
 * <p>MongoDB (and the embedded wire server) makes one document's update atomic, so an aggregate's new state
 * and the events that describe the change are written in the same single-document update: either both are
 * stored or neither is. The {@link OutboxRelay} later publishes the queued events and removes them.
 *
 * <p>Document layout: {@code {_id, state: {...}, _version, _sequence, _outbox: [...], _pending}}. Query the
 * state with {@link #field(String)}.
 */
public final class AggregateCollection<T> {
    static final String STATE = "state";
    static final String VERSION = "_version";
    static final String SEQUENCE = "_sequence";
    static final String OUTBOX = "_outbox";
    static final String PENDING = "_pending";
    /** Idempotency keys of the last commands applied to the aggregate (see {@link CommandKey}). */
    static final String COMMANDS = "_commands";
    private static final int COMMANDS_KEPT = 50;

    private final MongoTemplate mongo;
    private final String name;
    private final Class<T> type;
    private final EventCodec codec;
    private final OutboxRelay relay;
    private final String source;
    private final Clock clock;
    private final EventTracing tracing;

    AggregateCollection(MongoTemplate mongo, String name, Class<T> type, EventCodec codec, OutboxRelay relay,
                        String source, Clock clock, EventTracing tracing) {
        this.mongo = mongo;
        this.name = name;
        this.type = type;
        this.codec = codec;
        this.relay = relay;
        this.source = source;
        this.clock = clock;
        this.tracing = tracing;
        raw().createIndex(Indexes.ascending(PENDING));
        raw().createIndex(Indexes.ascending(COMMANDS));
    }

    /** The document path of a state field, for queries and indexes: {@code field("county")} is {@code state.county}. */
    public static String field(String stateField) {
        return STATE + "." + stateField;
    }

    public String name() {
        return name;
    }

    /** Stores a new aggregate and its first events. */
    public void insert(String id, T state, List<PendingEvent> events, String actor) {
        Optional<String> command = CommandKey.current();
        // only a retried command can have created its aggregate already (under another id): look for its key then;
        // an aggregate this very command created a moment ago carries the key too: that is not an earlier attempt
        if (CommandKey.isFirstWriteOf(name + "/" + id) && CommandKey.mayHaveBeenApplied()) {
            Document earlier = raw().find(Filters.and(Filters.eq(COMMANDS, command.get()),
                            Filters.nin("_id", CommandKey.writtenIn(name))))
                    .projection(new Document("_id", 1)).first();
            if (earlier != null) {
                throw new CommandAlreadyAppliedException(name, earlier.getString("_id"));
            }
        }
        List<Document> outbox = entries(id, 0, events, actor);
        Document doc = new Document("_id", id)
                .append(STATE, toDocument(state))
                .append(VERSION, 1L)
                .append(SEQUENCE, (long) events.size())
                .append(OUTBOX, outbox)
                .append(PENDING, !outbox.isEmpty())
                .append(COMMANDS, command.map(List::of).orElse(List.of()));
        try {
            raw().insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new AggregateAlreadyExistsException(name, id);
            }
            throw e;
        }
        CommandKey.wrote(name + "/" + id);
        if (!outbox.isEmpty()) {
            relay.written(name, id);
        }
    }

    /**
     * Replaces the state of an aggregate loaded as {@code loaded}, queueing {@code events}, if nobody changed it since.
     *
     * @throws ConcurrentUpdateException if the aggregate is no longer at {@code loaded.version()}
     */
    public void update(Versioned<?> loaded, T state, List<PendingEvent> events, String actor) {
        List<Document> outbox = entries(loaded.id(), loaded.sequence(), events, actor);
        List<Bson> changes = new ArrayList<>(List.of(
                Updates.set(STATE, toDocument(state)),
                Updates.inc(VERSION, 1L),
                Updates.inc(SEQUENCE, (long) events.size())));
        if (!outbox.isEmpty()) {
            changes.add(Updates.pushEach(OUTBOX, outbox));
            changes.add(Updates.set(PENDING, true));
        }
        Optional<String> command = CommandKey.current();
        boolean firstWrite = CommandKey.isFirstWriteOf(name + "/" + loaded.id());
        List<Bson> filter = new ArrayList<>(List.of(Filters.eq("_id", loaded.id()), Filters.eq(VERSION, loaded.version())));
        if (firstWrite) {
            filter.add(Filters.ne(COMMANDS, command.get()));
            changes.add(Updates.pushEach(COMMANDS, List.of(command.get()), new PushOptions().slice(-COMMANDS_KEPT)));
        }
        UpdateResult result = raw().updateOne(Filters.and(filter), Updates.combine(changes));
        if (result.getMatchedCount() == 0) {
            if (firstWrite
                    && raw().countDocuments(Filters.and(Filters.eq("_id", loaded.id()), Filters.eq(COMMANDS, command.get()))) > 0) {
                throw new CommandAlreadyAppliedException(name, loaded.id());
            }
            throw new ConcurrentUpdateException(name, loaded.id(), loaded.version());
        }
        CommandKey.wrote(name + "/" + loaded.id());
        if (!outbox.isEmpty()) {
            relay.written(name, loaded.id());
        }
    }

    public Optional<Versioned<T>> find(String id) {
        return Optional.ofNullable(raw().find(Filters.eq("_id", id)).first()).map(this::versioned);
    }

    /** Aggregates matching a query on {@link #field(String) state fields}, with its sort, skip and limit. */
    public List<Versioned<T>> find(Query query) {
        return mongo.find(query, Document.class, name).stream().map(this::versioned).toList();
    }

    public long count(Query query) {
        return mongo.count(Query.of(query).limit(0).skip(0), name);
    }

    /** Creates an ascending index on state fields (idempotent). */
    public void index(String... stateFields) {
        List<Bson> keys = new ArrayList<>();
        for (String f : stateFields) {
            keys.add(Indexes.ascending(field(f)));
        }
        raw().createIndex(Indexes.compoundIndex(keys));
    }

    private Versioned<T> versioned(Document doc) {
        T state = mongo.getConverter().read(type, doc.get(STATE, Document.class));
        return new Versioned<>(doc.getString("_id"), state,
                ((Number) doc.get(VERSION)).longValue(), ((Number) doc.get(SEQUENCE)).longValue());
    }

    private Document toDocument(T state) {
        Document doc = new Document();
        mongo.getConverter().write(state, doc);
        doc.remove("_class");
        return doc;
    }

    private List<Document> entries(String aggregateId, long sequenceSoFar, List<PendingEvent> events, String actor) {
        Instant now = clock.instant();
        String traceParent = tracing.currentTraceParent();
        List<Document> entries = new ArrayList<>(events.size());
        long sequence = sequenceSoFar;
        for (PendingEvent event : events) {
            if (!event.aggregateId().equals(aggregateId)) {
                throw new IllegalArgumentException("event of " + event.aggregateId() + " stored with " + aggregateId);
            }
            sequence++;
            entries.add(new OutboxEntry(
                    UUID.randomUUID().toString(),
                    event.type().topic(),
                    event.type().type(),
                    source,
                    aggregateId,
                    sequence,
                    event.county(),
                    actor,
                    now,
                    event.type().dataSchema(),
                    codec.writeData(event.data()),
                    traceParent).toDocument());
        }
        return entries;
    }

    MongoCollection<Document> raw() {
        return mongo.getCollection(name);
    }
}
