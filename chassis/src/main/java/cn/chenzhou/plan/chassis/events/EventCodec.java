package cn.chenzhou.plan.chassis.events;

import cn.chenzhou.plan.chassis.outbox.OutboxEntry;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.contracts.EventAttributes;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads events in the CloudEvents Kafka protocol binding, binary mode: attributes as
 * {@code ce_*} headers, JSON data as the record value, the aggregate id as the record key.
 * Readers ignore data fields they do not know, so a producer may add optional fields without breaking them.
 */
public final class EventCodec {
    private final JsonMapper mapper;

    public EventCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String writeData(Object data) {
        return mapper.writeValueAsString(data);
    }

    public ProducerRecord<String, byte[]> toRecord(OutboxEntry entry) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(entry.id())
                .withSource(URI.create(entry.source()))
                .withType(entry.type())
                .withSubject(entry.subject())
                .withTime(entry.time().atOffset(ZoneOffset.UTC))
                .withDataSchema(URI.create(entry.dataSchema()))
                .withDataContentType(EventAttributes.CONTENT_TYPE)
                .withExtension(EventAttributes.COUNTY, entry.county())
                .withExtension(EventAttributes.ACTOR, entry.actor())
                .withExtension(EventAttributes.SEQUENCE, entry.sequence())
                .withData(entry.data().getBytes(StandardCharsets.UTF_8));
        if (entry.traceParent() != null) {
            // the CloudEvents distributed-tracing extension: the W3C trace context of the change
            event.withExtension(EventAttributes.TRACEPARENT, entry.traceParent());
        }
        return KafkaMessageFactory.<String>createWriter(entry.topic(), entry.subject()).writeBinary(event.build());
    }

    /**
     * Reads and validates a record.
     *
     * @throws PoisonEventException if it is not a complete event of this platform
     */
    public ReceivedEvent decode(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (CloudEventRWException | IllegalStateException e) {
            throw new PoisonEventException("not a CloudEvent: " + e.getMessage(), e);
        }
        if (event.getSubject() == null || event.getSubject().isBlank()) {
            throw new PoisonEventException("event " + event.getId() + " has no subject (aggregate id)");
        }
        String county = stringExtension(event, EventAttributes.COUNTY);
        if (!County.isCountyOrCityCode(county)) {
            throw new PoisonEventException("event " + event.getId() + " has county '" + county + "', not a Chenzhou code");
        }
        long sequence;
        try {
            sequence = Long.parseLong(stringExtension(event, EventAttributes.SEQUENCE));
        } catch (NumberFormatException e) {
            throw new PoisonEventException("event " + event.getId() + " has no numeric sequence");
        }
        if (sequence < 1) {
            throw new PoisonEventException("event " + event.getId() + " has sequence " + sequence);
        }
        if (event.getData() == null) {
            throw new PoisonEventException("event " + event.getId() + " has no data");
        }
        return new ReceivedEvent(event.getId(), event.getType(), event.getSource().toString(), event.getSubject(),
                event.getTime(), county, stringExtension(event, EventAttributes.ACTOR), sequence,
                event.getData().toBytes(), record.topic(), record.partition(), record.offset());
    }

    /**
     * The event's data as a contracts record; unknown fields are ignored.
     *
     * @throws PoisonEventException if the data is not JSON of that shape
     */
    public <T> T data(ReceivedEvent event, Class<T> type) {
        try {
            return mapper.readerFor(type)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(event.data());
        } catch (JacksonException e) {
            throw new PoisonEventException("data of " + event.type() + " " + event.id() + " is unreadable: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String stringExtension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }
}
