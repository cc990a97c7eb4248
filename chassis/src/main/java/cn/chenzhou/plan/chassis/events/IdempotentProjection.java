package cn.chenzhou.plan.chassis.events;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Applies an event to a read-model document at most once.
 *
 * <p>The document keyed by the aggregate id remembers the sequence of the last event applied; an update goes
 * through only if the event is newer. The check and the change are one single-document update, so a duplicate
 * or redelivered event — whenever it comes — changes nothing, without a separate "processed" table that could
 * disagree with the read model after a crash.
 */
public final class IdempotentProjection {
    static final String APPLIED = "_applied";
    private final MongoTemplate mongo;

    public IdempotentProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @return true if applied, false if the document had already seen this event (or a later one)
     */
    public boolean apply(String collection, ReceivedEvent event, Bson update) {
        try {
            var result = mongo.getCollection(collection).updateOne(
                    Filters.and(Filters.eq("_id", event.subject()), Filters.lt(APPLIED, event.sequence())),
                    Updates.combine(update, Updates.set(APPLIED, event.sequence())),
                    new UpdateOptions().upsert(true));
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (MongoWriteException e) {
            // the upsert collided with an existing document that already applied this sequence
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
