package cn.chenzhou.plan.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wire server answers queries that fix _id from that one document, with the same results as a full scan. */
class EmbeddedMongoQueriesTest {
    private static EmbeddedMongo mongo;
    private static MongoClient client;
    private static MongoCollection<Document> aggregates;

    @BeforeAll
    static void start() {
        mongo = new EmbeddedMongo("localhost", FreePorts.next(), null).start();
        client = MongoClients.create(mongo.connectionString());
        aggregates = client.getDatabase("queries").getCollection("aggregates");
        for (int i = 0; i < 200; i++) {
            aggregates.insertOne(new Document("_id", "a-" + i).append("_version", 1L).append("_pending", i % 2 == 0)
                    .append("state", new Document("county", "431023")));
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.stop();
    }

    @Test
    void anOptimisticUpdateAppliesAtTheVersionItReadAndNotAtAnother() {
        assertThat(aggregates.updateOne(Filters.and(Filters.eq("_id", "a-7"), Filters.eq("_version", 2L)),
                Updates.inc("_version", 1L)).getMatchedCount()).isZero();
        assertThat(aggregates.updateOne(Filters.and(Filters.eq("_id", "a-7"), Filters.eq("_version", 1L)),
                Updates.inc("_version", 1L)).getMatchedCount()).isEqualTo(1);
        assertThat(aggregates.find(Filters.eq("_id", "a-7")).first().getLong("_version")).isEqualTo(2L);
        assertThat(aggregates.updateOne(new Document("_id", "a-7").append("_version", 2L), Updates.inc("_version", 1L))
                .getMatchedCount()).isEqualTo(1);
    }

    @Test
    void aLeaseOnOneDocumentIsTakenOnlyWhileItsConditionsHold() {
        var lease = Filters.and(Filters.eq("_id", "a-10"), Filters.eq("_pending", true),
                Filters.or(Filters.exists("_lease", false), Filters.lt("_lease", 5)));
        Document taken = aggregates.findOneAndUpdate(lease, Updates.set("_lease", 10),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        assertThat(taken).isNotNull();
        assertThat(taken.getInteger("_lease")).isEqualTo(10);
        assertThat(aggregates.findOneAndUpdate(lease, Updates.set("_lease", 11))).isNull();
        // an odd one is not pending: fixing its _id does not make it match
        assertThat(aggregates.find(Filters.and(Filters.eq("_id", "a-11"), Filters.eq("_pending", true))).first()).isNull();
    }

    @Test
    void aBatchUpdateOverSeveralIdsChangesOnlyThoseThatMatchTheRestOfTheQuery() {
        List<String> ids = List.of("a-20", "a-21", "a-22", "a-23", "missing");
        long leased = aggregates.updateMany(Filters.and(Filters.in("_id", ids), Filters.eq("_pending", true)),
                Updates.set("_batch", "b1")).getModifiedCount();
        assertThat(leased).isEqualTo(2);
        assertThat(aggregates.find(Filters.and(Filters.in("_id", ids), Filters.eq("_batch", "b1")))
                .map(d -> d.getString("_id")).into(new java.util.ArrayList<>())).containsExactlyInAnyOrder("a-20", "a-22");
    }

    @Test
    void queriesThatDoNotFixIdAreAnsweredAsBefore() {
        assertThat(aggregates.countDocuments(Filters.eq("_pending", true))).isGreaterThanOrEqualTo(99);
        assertThat(aggregates.find(Filters.in("_id", List.of("a-1", "a-2", "missing"))).into(new java.util.ArrayList<>())).hasSize(2);
        assertThat(aggregates.find(Filters.and(Filters.ne("_id", "a-1"), Filters.eq("state.county", "431023")))
                .into(new java.util.ArrayList<>())).hasSize(199);
        assertThat(aggregates.find(Filters.regex("_id", "^a-19")).into(new java.util.ArrayList<>())).hasSize(11);
    }

    @Test
    void aQueryFixesIdByAPlainValueAtItsTopLevelOrInATopLevelAnd() {
        assertThat(IdLookupH2Backend.idValues(wire("_id", "x").append("v", 1), "_id")).containsExactly("x");
        assertThat(IdLookupH2Backend.idValues(wire("$and", List.of(wire("v", 1), wire("_id", 5L))), "_id")).containsExactly(5L);
        assertThat(IdLookupH2Backend.idValues(wire("_id", wire("$gt", "x")), "_id")).isNull();
        assertThat(IdLookupH2Backend.idValues(wire("v", 1), "_id")).isNull();
        assertThat(IdLookupH2Backend.idValues(wire("_id", wire("$in", List.of("x", "y"))), "_id")).containsExactly("x", "y");
        assertThat(IdLookupH2Backend.idValues(wire("$and", List.of(wire("_id", wire("$in", List.of(1L))))), "_id")).containsExactly(1L);
        assertThat(IdLookupH2Backend.idValues(wire("_id", wire("$nin", List.of("x"))), "_id")).isNull();
    }

    private static de.bwaldvogel.mongo.bson.Document wire(String key, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(key, value);
    }

    @Test
    void dataWrittenByTheLibrarysOwnH2BackendOpensUnchanged(@TempDir Path dir) {
        String file = dir.resolve("plain.mv").toString();
        H2Backend plain = new H2Backend(file);
        MongoServer server = new MongoServer(plain);
        int port = FreePorts.next();
        server.bind("localhost", port);
        try (MongoClient c = MongoClients.create("mongodb://localhost:" + port)) {
            c.getDatabase("old").getCollection("things").insertOne(new Document("_id", "t-1").append("n", 1));
        }
        server.shutdownNow();
        plain.close();
        try (EmbeddedMongo reopened = new EmbeddedMongo("localhost", FreePorts.next(), dir.resolve("plain.mv")).start();
             MongoClient c = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> things = c.getDatabase("old").getCollection("things");
            assertThat(things.find(Filters.and(Filters.eq("_id", "t-1"), Filters.eq("n", 1))).first()).isNotNull();
            assertThat(things.countDocuments()).isEqualTo(1);
        }
    }
}
