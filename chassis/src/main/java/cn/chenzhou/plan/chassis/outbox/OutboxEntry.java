package cn.chenzhou.plan.chassis.outbox;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * An event as stored in its aggregate's document until the relay has published it:
 * every CloudEvents attribute fixed at the moment of the change, so a republish is byte-for-byte the same event.
 *
 * @param traceParent the W3C trace context of the request that made the change (null outside a trace): the event's
 *                    {@code traceparent} extension, so its publishing and processing join that request's trace
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
        String data,
        String traceParent) {

    Document toDocument() {
        Document doc = new Document("id", id)
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
        if (traceParent != null) {
            doc.append("traceparent", traceParent);
        }
        return doc;
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
                d.getString("data"),
                d.getString("traceparent"));
    }
}
