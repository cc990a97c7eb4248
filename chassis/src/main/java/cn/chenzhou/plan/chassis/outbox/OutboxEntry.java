package cn.chenzhou.plan.chassis.outbox;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * An event as stored in its aggregate's document until the relay has published it:
 * every CloudEvents attribute fixed at the moment of the change, so a republish is byte-for-byte the same event.
 */
public record OutboxEntry(
        String id,
        String topic,
        String type,
        String source,
        String subject,
        long sequence,
        String county,
        String actor,
        Instant time,
        String dataSchema,
        String data) {

    Document toDocument() {
        return new Document("id", id)
                .append("topic", topic)
                .append("type", type)
                .append("source", source)
                .append("subject", subject)
                .append("sequence", sequence)
                .append("county", county)
                .append("actor", actor)
                .append("time", Date.from(time))
                .append("dataschema", dataSchema)
                .append("data", data);
    }

    static OutboxEntry fromDocument(Document d) {
        return new OutboxEntry(
                d.getString("id"),
                d.getString("topic"),
                d.getString("type"),
                d.getString("source"),
                d.getString("subject"),
                ((Number) d.get("sequence")).longValue(),
                d.getString("county"),
                d.getString("actor"),
                d.getDate("time").toInstant(),
                d.getString("dataschema"),
                d.getString("data"));
    }
}
