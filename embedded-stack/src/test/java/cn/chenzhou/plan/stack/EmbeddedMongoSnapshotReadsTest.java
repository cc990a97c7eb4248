package cn.chenzhou.plan.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document read while another client updates it is the document before or after the update, never a mix of both.
 *
 * <p>mongo-java-server answers a query with the very objects its store holds, and an update changes those objects in
 * place; the answer is written to the socket after the collection's lock is released. A reader could so see the new
 * version number with the old state — and an optimistic writer that decides on that state and writes "at" that
 * version overwrites a change it never saw: racing allocations then exceeded a special fund's budget. Each state
 * here carries its own version, so a mixed read shows as a state whose copy of the version differs.
 */
class EmbeddedMongoSnapshotReadsTest {
    private static final int UPDATES = 2_000;

    @Test
    void aReadDuringUpdatesSeesOneWholeVersionInMemory() throws Exception {
        readersNeverSeeAMix(null);
    }

    @Test
    void aReadDuringUpdatesSeesOneWholeVersionOnFile(@TempDir Path dir) throws Exception {
        readersNeverSeeAMix(dir.resolve("store"));
    }

    private static void readersNeverSeeAMix(Path file) throws Exception {
        EmbeddedMongo mongo = new EmbeddedMongo("localhost", FreePorts.next(), file).start();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> funds = client.getDatabase("snapshots").getCollection("funds");
            funds.insertOne(whole(1));
            AtomicBoolean writing = new AtomicBoolean(true);
            ConcurrentLinkedQueue<String> mixed = new ConcurrentLinkedQueue<>();
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> {
                    int reads = 0;
                    while (writing.get()) {
                        Document read = funds.find(Filters.eq("_id", "fund")).first();
                        reads++;
                        long version = read.getLong("_version");
                        long stateVersion = read.get("state", Document.class).getLong("version");
                        long last = read.getList("_outbox", Document.class).get(0).getLong("version");
                        if (version != stateVersion || version != last) {
                            mixed.add("_version " + version + ", state of " + stateVersion + ", outbox of " + last);
                        }
                    }
                    return reads;
                }));
            }
            Future<?> writer = pool.submit(() -> {
                for (long v = 1; v < UPDATES; v++) {
                    // the next state and its outbox, written at the version read: how every aggregate is changed
                    funds.updateOne(Filters.and(Filters.eq("_id", "fund"), Filters.eq("_version", v)),
                            Updates.combine(Updates.set("state", state(v + 1)), Updates.inc("_version", 1L),
                                    Updates.set("_outbox", List.of(new Document("version", v + 1)))));
                    // and a lease taken with findOneAndUpdate, answered with the new document, as the relay does
                    funds.findOneAndUpdate(Filters.eq("_id", "fund"), Updates.set("_lease", v),
                            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                }
            });
            writer.get(2, TimeUnit.MINUTES);
            writing.set(false);
            int reads = 0;
            for (Future<Integer> reader : readers) {
                reads += reader.get(1, TimeUnit.MINUTES);
            }
            assertThat(reads).isPositive();
            assertThat(mixed).as("reads mixing two versions among %d", reads).isEmpty();
            assertThat(funds.find(Filters.eq("_id", "fund")).first().getLong("_version")).isEqualTo(UPDATES);
        } finally {
            pool.shutdownNow();
            mongo.stop();
        }
    }

    private static Document whole(long version) {
        return new Document("_id", "fund").append("state", state(version)).append("_version", version)
                .append("_outbox", List.of(new Document("version", version)));
    }

    /** A state of some size, so that writing it to the socket takes a while, carrying its own version. */
    private static Document state(long version) {
        List<Document> allocations = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            allocations.add(new Document("id", "alloc-" + i).append("amountFen", 10_000L * i).append("county", "431023"));
        }
        return new Document("version", version).append("allocations", allocations);
    }
}
