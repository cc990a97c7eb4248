package cn.chenzhou.plan.reporting.facts;

import cn.chenzhou.plan.reporting.facts.model.FactType;
import cn.chenzhou.plan.reporting.facts.model.StoredAggregate;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fact book in reporting's MongoDB database, so that a restart resumes where it stopped instead of replaying
 * every topic: one document per aggregate (its last applied sequence and the fact records it wrote), and one document
 * with the consumer's positions.
 *
 * <p>Writes happen on one background thread, in the order they were asked for, facts before positions: a crash
 * between the two leaves positions behind the facts, and the events read again are skipped by the sequence check.
 */
@Component
class FactStore {
    static final String FACTS = "facts";
    static final String POSITIONS = "fact_positions";
    private static final Logger log = LoggerFactory.getLogger(FactStore.class);
    private static final int CHUNK = 1000;

    private final MongoTemplate mongo;
    private final JsonMapper json = JsonMapper.builder().build();
    private final java.util.concurrent.atomic.AtomicBoolean failureToReport = new java.util.concurrent.atomic.AtomicBoolean();
    /** Only read and written on the writer's thread. */
    private boolean holdPositions;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fact-store");
        t.setDaemon(true);
        return t;
    });

    FactStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** What was stored: every aggregate and the positions to resume from. */
    record Stored(List<StoredAggregate> aggregates, Map<TopicPartition, Long> positions) {
    }

    Stored load() {
        List<StoredAggregate> aggregates = new ArrayList<>();
        for (Document d : facts().find()) {
            List<Object> records = new ArrayList<>();
            for (Document f : d.getList("facts", Document.class, List.of())) {
                Class<?> type = FactType.valueOf(f.getString("type")).recordType();
                records.add(json.readValue(f.getString("json"), type));
            }
            aggregates.add(new StoredAggregate(d.getString("_id"), ((Number) d.get("seq")).longValue(), records));
        }
        Map<TopicPartition, Long> positions = new HashMap<>();
        Document p = positions().find(Filters.eq("_id", "positions")).first();
        if (p != null) {
            for (Document o : p.getList("offsets", Document.class, List.of())) {
                positions.put(new TopicPartition(o.getString("topic"), o.getInteger("partition")),
                        ((Number) o.get("offset")).longValue());
            }
        }
        return new Stored(aggregates, positions);
    }

    /**
     * Stores changed aggregates, then the positions they were read up to. After a save failed, no later save moves
     * the stored positions until a full one ({@code full}: every aggregate) succeeded: the aggregates the failed one
     * should have stored are in no later partial save, so positions past them would lose them at the next start.
     */
    Future<?> save(List<StoredAggregate> changed, Map<TopicPartition, Long> positions, boolean full) {
        return writer.submit(() -> {
            try {
                for (int from = 0; from < changed.size(); from += CHUNK) {
                    List<WriteModel<Document>> writes = new ArrayList<>();
                    for (StoredAggregate a : changed.subList(from, Math.min(changed.size(), from + CHUNK))) {
                        writes.add(new ReplaceOneModel<>(Filters.eq("_id", a.key()), document(a), new ReplaceOptions().upsert(true)));
                    }
                    facts().bulkWrite(writes, new BulkWriteOptions().ordered(false));
                }
                if (full) {
                    holdPositions = false;
                }
                if (!holdPositions) {
                    List<Document> offsets = new ArrayList<>();
                    positions.forEach((tp, offset) -> offsets.add(new Document("topic", tp.topic())
                            .append("partition", tp.partition()).append("offset", offset)));
                    positions().replaceOne(Filters.eq("_id", "positions"), new Document("_id", "positions").append("offsets", offsets),
                            new ReplaceOptions().upsert(true));
                }
                log.debug("stored {} aggregates and positions {}", changed.size(), positions);
                return null;
            } catch (RuntimeException e) {
                holdPositions = true;
                failureToReport.set(true);
                log.warn("could not store the fact book: {}", e.toString());
                throw e;
            }
        });
    }

    /** Whether a save failed since this was last asked: the next save must then be a full one. */
    boolean takeFailure() {
        return failureToReport.getAndSet(false);
    }

    /** Drops the stored facts and positions (a rebuild starts from the beginning of every topic). */
    Future<?> drop() {
        return writer.submit(() -> {
            facts().drop();
            positions().drop();
            return null;
        });
    }

    /** Waits for the writes asked for so far. */
    void flush(long timeoutMs) {
        try {
            writer.submit(() -> null).get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("fact store did not flush in {} ms: {}", timeoutMs, e.toString());
        }
    }

    private Document document(StoredAggregate a) {
        List<Document> records = new ArrayList<>(a.facts().size());
        for (Object record : a.facts()) {
            records.add(new Document("type", FactType.of(record.getClass()).name()).append("json", json.writeValueAsString(record)));
        }
        return new Document("_id", a.key()).append("seq", a.sequence()).append("facts", records);
    }

    private MongoCollection<Document> facts() {
        return mongo.getCollection(FACTS);
    }

    private MongoCollection<Document> positions() {
        return mongo.getCollection(POSITIONS);
    }
}
