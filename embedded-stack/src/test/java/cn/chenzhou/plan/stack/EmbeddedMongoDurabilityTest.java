package cn.chenzhou.plan.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoException;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the wire server acknowledged is on disk: the server process killed -9 again and again while writers insert and
 * update, and every write it answered is found after each restart; no reply shows a change before the change is synced;
 * a disk that fills up gets writes refused, never half stored, and the store serves again when space returns.
 */
class EmbeddedMongoDurabilityTest {
    private static final int WRITERS = 8;
    private static final int KILLS = 6;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesAKillMinus9OfTheServer() throws Exception {
        int port = FreePorts.next();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, Long> acknowledgedCounters = new ConcurrentHashMap<>();
        int killed = 0;
        for (int round = 0; round < KILLS; round++) {
            Process server = startServer(port);
            try (MongoClient client = client(port)) {
                MongoCollection<Document> docs = client.getDatabase("durability").getCollection("docs");
                MongoCollection<Document> counters = client.getDatabase("durability").getCollection("counters");
                assertEverythingAcknowledgedIsStored(docs, counters, acknowledged, acknowledgedCounters, round);
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    String writer = "r" + round + "w" + w;
                    Thread t = new Thread(() -> write(writer, docs, counters, acknowledged, acknowledgedCounters));
                    t.setDaemon(true);
                    t.start();
                    writers.add(t);
                }
                // once the writers are under way (a cold server and client take a second), at a random moment
                int before = acknowledged.size();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (acknowledged.size() < before + 4 * WRITERS && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Thread.sleep(ThreadLocalRandom.current().nextLong(50, 800));
                server.destroyForcibly(); // SIGKILL
                server.waitFor(10, TimeUnit.SECONDS);
                killed++;
                for (Thread t : writers) {
                    t.join(30_000);
                }
            } finally {
                server.destroyForcibly();
            }
        }
        Process server = startServer(port);
        try (MongoClient client = client(port)) {
            assertEverythingAcknowledgedIsStored(client.getDatabase("durability").getCollection("docs"),
                    client.getDatabase("durability").getCollection("counters"), acknowledged, acknowledgedCounters, KILLS);
        } finally {
            server.destroyForcibly();
        }
        System.out.printf("wire server killed -9 %d times under %d writers; %d acknowledged inserts and %d counters"
                + " all found after the restarts%n", killed, WRITERS, acknowledged.size(), acknowledgedCounters.size());
        assertThat(killed).isEqualTo(KILLS);
        assertThat(acknowledged).as("writes acknowledged before the kills").hasSizeGreaterThan(KILLS * WRITERS);
    }

    @Test
    void aReplyThatShowsAChangeWaitsUntilTheChangeIsOnDiskAndOtherCollectionsAreNotHeldUp() throws Exception {
        Path file = dir.resolve("held/platform");
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try (EmbeddedMongo mongo = new EmbeddedMongo("localhost", FreePorts.next(), file, TestDisk.on(file)).start();
             MongoClient client = client(mongo.port())) {
            MongoCollection<Document> outbox = client.getDatabase("held").getCollection("outbox");
            MongoCollection<Document> other = client.getDatabase("held").getCollection("other");
            outbox.insertOne(new Document("_id", "warm-up"));
            other.insertOne(new Document("_id", "settled"));

            TestDisk.holdSyncs();
            Future<?> insert = callers.submit(() -> outbox.insertOne(new Document("_id", "event-1")));
            Thread.sleep(300);
            Future<Document> readOfTheChange = callers.submit(() -> outbox.find(Filters.eq("_id", "event-1")).first());
            Document unrelated = callers.submit(() -> other.find(Filters.eq("_id", "settled")).first())
                    .get(10, TimeUnit.SECONDS);
            Thread.sleep(300);
            boolean answeredBeforeTheSync = insert.isDone() || readOfTheChange.isDone();
            TestDisk.releaseSyncs();

            assertThat(unrelated).as("a read of a collection with nothing unsynced").isNotNull();
            assertThat(answeredBeforeTheSync).as("the insert or a read that shows it answered before the fsync").isFalse();
            insert.get(10, TimeUnit.SECONDS);
            assertThat(readOfTheChange.get(10, TimeUnit.SECONDS)).isNotNull();
        } finally {
            TestDisk.releaseSyncs();
            callers.shutdownNow();
        }
    }

    /**
     * A write that asks not to wait for the journal is answered before the fsync; what it wrote is still shown to no one
     * before it is on disk, and a journaled write after it waits as ever.
     */
    @Test
    void aWriteThatAsksNotToWaitForTheJournalIsAnsweredAtOnceButShownToNoOneBeforeItIsOnDisk() throws Exception {
        Path file = dir.resolve("unjournaled/platform");
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try (EmbeddedMongo mongo = new EmbeddedMongo("localhost", FreePorts.next(), file, TestDisk.on(file)).start();
             MongoClient client = client(mongo.port())) {
            MongoCollection<Document> claims = client.getDatabase("unjournaled").getCollection("claims");
            MongoCollection<Document> unjournaled = claims.withWriteConcern(WriteConcern.W1.withJournal(false));
            claims.insertOne(new Document("_id", "warm-up"));

            TestDisk.holdSyncs();
            boolean answeredAtOnce;
            boolean shownBeforeTheSync;
            Future<Document> readOfIt;
            Future<?> journaled;
            try {
                Future<?> claim = callers.submit(() -> unjournaled.insertOne(new Document("_id", "claim-1")));
                Future<?> update = callers.submit(() -> unjournaled.updateOne(Filters.eq("_id", "claim-1"),
                        Updates.set("state", "DONE")));
                answeredAtOnce = doneWithin(claim, 10) && doneWithin(update, 10);
                readOfIt = callers.submit(() -> claims.find(Filters.eq("_id", "claim-1")).first());
                journaled = callers.submit(() -> claims.insertOne(new Document("_id", "fact-1")));
                Thread.sleep(500);
                shownBeforeTheSync = readOfIt.isDone() || journaled.isDone();
            } finally {
                // before anything can fail: a store closed with its syncs held would wait for them for ever
                TestDisk.releaseSyncs();
            }

            assertThat(answeredAtOnce).as("the unjournaled insert and update answered while the fsync was held").isTrue();
            assertThat(shownBeforeTheSync).as("a read of it, or a journaled write, answered before the fsync").isFalse();
            assertThat(readOfIt.get(10, TimeUnit.SECONDS)).isNotNull();
            journaled.get(10, TimeUnit.SECONDS);
        } finally {
            TestDisk.releaseSyncs();
            callers.shutdownNow();
        }
    }

    private static boolean doneWithin(Future<?> call, int seconds) throws Exception {
        try {
            call.get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    @Test
    void aFullDiskGetsWritesRefusedNothingHalfStoredAndTheStoreServesAgainWhenSpaceReturns() throws Exception {
        Path file = dir.resolve("full/platform");
        int port = FreePorts.next();
        try (EmbeddedMongo mongo = new EmbeddedMongo("localhost", port, file, TestDisk.on(file)).start();
             MongoClient client = client(port)) {
            MongoCollection<Document> docs = client.getDatabase("full").getCollection("docs");
            docs.createIndex(new Document("key", 1), new IndexOptions().unique(true));
            for (int i = 0; i < 20; i++) {
                docs.insertOne(new Document("_id", "before-" + i).append("key", "before-" + i));
            }

            TestDisk.fill();
            int refused = 0;
            for (int i = 0; i < 5; i++) {
                int n = i;
                assertThatThrownBy(() -> docs.insertOne(new Document("_id", "while-full-" + n).append("key", "while-full-" + n)))
                        .as("a write while the disk is full").isInstanceOf(MongoException.class);
                refused++;
            }

            TestDisk.free();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try {
                    docs.replaceOne(Filters.eq("_id", "after"), new Document("key", "after"), new ReplaceOptions().upsert(true));
                    break;
                } catch (MongoException stillRecovering) {
                    assertThat(System.nanoTime()).as("the store serves again once space returns").isLessThan(deadline);
                    Thread.sleep(200);
                }
            }
            assertStoredExactlyTheAcknowledged(docs);
            assertThat(refused).isEqualTo(5);
        } finally {
            TestDisk.free();
        }
        try (EmbeddedMongo reopened = new EmbeddedMongo("localhost", port, file).start();
             MongoClient client = client(port)) {
            assertStoredExactlyTheAcknowledged(client.getDatabase("full").getCollection("docs"));
        }
    }

    /** The 20 writes before the disk filled up and the one after, none of the refused ones; indexes agree. */
    private static void assertStoredExactlyTheAcknowledged(MongoCollection<Document> docs) {
        Set<String> ids = new HashSet<>();
        docs.find().forEach(d -> ids.add(d.getString("_id")));
        assertThat(ids).hasSize(21).contains("before-0", "before-19", "after").noneMatch(id -> id.startsWith("while-full"));
        assertThat(docs.find(Filters.eq("key", "before-7")).first()).isNotNull();
        assertThatThrownBy(() -> docs.insertOne(new Document("_id", "again").append("key", "before-7")))
                .as("the unique index still holds every stored key").isInstanceOf(MongoException.class);
    }

    /** Inserts a document, then raises the writer's counter, until the server goes away. */
    private static void write(String writer, MongoCollection<Document> docs, MongoCollection<Document> counters,
                              Set<String> acknowledged, Map<String, Long> acknowledgedCounters) {
        try {
            for (long n = 1; ; n++) {
                String id = writer + "-" + n;
                docs.insertOne(new Document("_id", id).append("writer", writer).append("payload", "x".repeat(200)));
                acknowledged.add(id);
                Document counter = counters.findOneAndUpdate(Filters.eq("_id", writer), Updates.inc("n", 1L),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                acknowledgedCounters.put(writer, counter.getLong("n"));
            }
        } catch (RuntimeException serverGone) {
            // the kill: what was acknowledged so far is recorded
        }
    }

    private static void assertEverythingAcknowledgedIsStored(MongoCollection<Document> docs,
                                                             MongoCollection<Document> counters, Set<String> acknowledged,
                                                             Map<String, Long> acknowledgedCounters, int kills) {
        Set<String> stored = new HashSet<>();
        docs.find().projection(new Document("_id", 1)).forEach(d -> stored.add(d.getString("_id")));
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);
        assertThat(lost).as("acknowledged inserts missing after %d kills (of %d)", kills, acknowledged.size()).isEmpty();
        Map<String, Long> storedCounters = new HashMap<>();
        counters.find().forEach(d -> storedCounters.put(d.getString("_id"), d.getLong("n")));
        acknowledgedCounters.forEach((writer, n) -> assertThat(storedCounters.getOrDefault(writer, 0L))
                .as("counter of %s after %d kills", writer, kills).isGreaterThanOrEqualTo(n));
    }

    /** The wire server as the container image runs it ({@code Platform mongo}), in a JVM of its own. */
    private Process startServer(int port) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Platform.class.getName(), "mongo")
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        builder.environment().put("MONGO_PORT", String.valueOf(port));
        builder.environment().put("PLATFORM_DATA_DIR", data.toString());
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(dir.resolve("server.log")).contains("READY mongo")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the wire server did not start:\n" + Files.readString(dir.resolve("server.log")));
            }
            Thread.sleep(50);
        }
        return process;
    }

    private static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://localhost:" + port))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS))
                .build());
    }
}
