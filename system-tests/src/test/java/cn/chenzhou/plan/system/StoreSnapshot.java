package cn.chenzhou.plan.system;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The owning services' stores read directly: every aggregate document (one that carries an outbox sequence) with its
 * version, the sequence of its last change, and how many of its events are still queued in it. Keyed like the topic's
 * events: {@code topic/aggregate id}, each service's database publishing to its one topic.
 */
final class StoreSnapshot {
    static final Map<String, String> TOPIC_OF_DATABASE = Map.of(
            "projects", "projects.events", "funding", "funding.events", "registry", "registry.events");

    record Aggregate(String database, String collection, String id, long version, long sequence, int queued) {
    }

    final Map<String, Aggregate> byAggregate = new LinkedHashMap<>();
    final List<String> clashes = new java.util.ArrayList<>();

    static StoreSnapshot read(MongoClient mongo) {
        StoreSnapshot snapshot = new StoreSnapshot();
        TOPIC_OF_DATABASE.forEach((db, topic) -> {
            MongoDatabase database = mongo.getDatabase(db);
            for (String collection : database.listCollectionNames()) {
                for (Document d : database.getCollection(collection).find(Filters.exists("_sequence"))
                        .projection(Projections.include("_id", "_version", "_sequence", "_outbox"))) {
                    String id = String.valueOf(d.get("_id"));
                    Aggregate a = new Aggregate(db, collection, id, number(d.get("_version")),
                            number(d.get("_sequence")), d.getList("_outbox", Object.class, List.of()).size());
                    Aggregate other = snapshot.byAggregate.put(topic + "/" + id, a);
                    if (other != null) {
                        snapshot.clashes.add(topic + "/" + id + " is stored in " + other.collection() + " and "
                                + collection + ": their events could not be told apart");
                    }
                }
            }
        });
        return snapshot;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
