package cn.chenzhou.plan.chassis.idempotency;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Claims and answers of idempotent commands, in the service's own database ({@code idempotency_keys}).
 * A claim is a single-document insert (two racing requests cannot both claim); a claim left by a crashed request
 * expires after {@code lease} and may then be taken over.
 */
public final class IdempotencyStore {
    static final String COLLECTION = "idempotency_keys";
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration lease;
    private final Duration retention;

    public enum Outcome { CLAIMED, REPLAY, DIFFERENT_REQUEST, IN_PROGRESS }

    public record Record(int status, String contentType, String location, String body) {
    }

    /**
     * @param retry for {@code CLAIMED}: an earlier request with this key may have changed aggregates (it took over a
     *              claim whose request never finished, or one released after a write); false for a key seen first
     */
    public record Claim(Outcome outcome, Record record, boolean retry) {
        Claim(Outcome outcome, Record record) {
            this(outcome, record, false);
        }
    }

    public IdempotencyStore(MongoTemplate mongo, Clock clock, Duration lease, Duration retention) {
        this.mongo = mongo;
        this.clock = clock;
        this.lease = lease;
        this.retention = retention;
        keys().createIndex(Indexes.ascending("createdAt"));
    }

    Claim claim(String id, String fingerprint) {
        Instant now = clock.instant();
        Document claim = new Document("_id", id)
                .append("fingerprint", fingerprint)
                .append("state", "IN_PROGRESS")
                .append("createdAt", Date.from(now))
                .append("leaseUntil", Date.from(now.plus(lease)));
        try {
            keysUnjournaled().insertOne(claim);
            return new Claim(Outcome.CLAIMED, null);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document existing = keys().find(Filters.eq("_id", id)).first();
        if (existing == null) {
            return claim(id, fingerprint);
        }
        if (!fingerprint.equals(existing.getString("fingerprint"))) {
            return new Claim(Outcome.DIFFERENT_REQUEST, null);
        }
        if ("DONE".equals(existing.getString("state"))) {
            return new Claim(Outcome.REPLAY, new Record(existing.getInteger("status"), existing.getString("contentType"),
                    existing.getString("location"), existing.getString("body")));
        }
        // a claim whose lease ran out belonged to a request that never finished: take it over, atomically
        var takeover = keysUnjournaled().updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq("state", "IN_PROGRESS"), Filters.lt("leaseUntil", Date.from(now))),
                Updates.set("leaseUntil", Date.from(now.plus(lease))));
        return takeover.getModifiedCount() == 1 ? new Claim(Outcome.CLAIMED, null, true) : new Claim(Outcome.IN_PROGRESS, null);
    }

    void complete(String id, int status, String contentType, String location, String body) {
        keys().updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("state", "DONE"),
                Updates.set("status", status),
                Updates.set("contentType", contentType),
                Updates.set("location", location),
                Updates.set("body", body)));
    }

    /**
     * Gives up a claim whose command failed: the claim is left expired, so that a retry takes it over as a retry and
     * the aggregates look for the key they may already have applied. Whether the failed attempt changed anything
     * cannot be known for certain here — a write the store applied may still have failed on its way back — so a
     * failure never lets the retry pass for a key seen first.
     */
    void release(String id) {
        keys().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", "IN_PROGRESS")),
                Updates.set("leaseUntil", Date.from(clock.instant().minusMillis(1))));
    }

    /** Forgets answers older than the retention period; a key reused after that is a new command. */
    public long forgetOld() {
        return keys().deleteMany(Filters.lt("createdAt", Date.from(clock.instant().minus(retention)))).getDeletedCount();
    }

    private MongoCollection<Document> keys() {
        return mongo.getCollection(COLLECTION);
    }

    /**
     * For the claim: written without waiting for the journal, one fsync wait fewer in every command's answer. A claim
     * coordinates, it records no fact, and it is never the last write before an answer: the command's aggregate, or
     * the stored answer of a refusal, is written after it and journaled, and a store keeps one server's changes in
     * order, so that write puts the claim on disk with it. A claim that a crash takes back was never answered.
     */
    private MongoCollection<Document> keysUnjournaled() {
        MongoCollection<Document> keys = keys();
        return keys.withWriteConcern(keys.getWriteConcern().withJournal(false));
    }
}
