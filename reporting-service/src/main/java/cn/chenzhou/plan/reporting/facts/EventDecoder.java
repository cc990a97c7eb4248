package cn.chenzhou.plan.reporting.facts;

import cn.chenzhou.plan.chassis.events.PoisonEventException;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.contracts.EventAttributes;
import cn.chenzhou.plan.contracts.EventCatalogue;
import cn.chenzhou.plan.contracts.EventType;
import cn.chenzhou.plan.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a record of the CloudEvents Kafka binding (binary mode) straight from its {@code ce_*} headers, with the same
 * checks as the chassis codec (spec version, id, type, subject, a Chenzhou county, a positive sequence, data), but
 * without building an SDK event per record: a rebuild reads hundreds of thousands of them a second. The data is read
 * into the contracts record of its type; unknown fields are ignored.
 *
 * <p>An event must also come from where it arrived: its {@code source} is the owner of its topic, and a type of the
 * catalogue arrives only on the topic of the service that publishes it. The broker already lets each service write
 * its own topic only; this keeps a service that was taken over (or a mistake) from speaking for another one.
 */
@Component
class EventDecoder {
    private static final byte[] SPEC_VERSION = EventAttributes.SPEC_VERSION.getBytes(StandardCharsets.UTF_8);
    private final JsonMapper mapper;
    private final Map<String, Optional<ObjectReader>> readers = new ConcurrentHashMap<>();
    private final Map<String, Optional<Owner>> owners = new ConcurrentHashMap<>();

    /** The platform topic a topic stands for, and the source of every event on it. */
    private record Owner(String topic, byte[] source) {
        static Optional<Owner> of(String topic) {
            return Optional.ofNullable(Topics.baseName(topic)).map(base -> new Owner(base,
                    Topics.sourceOf(Topics.OWNERS.get(base)).getBytes(StandardCharsets.UTF_8)));
        }
    }

    EventDecoder(JsonMapper mapper) {
        this.mapper = mapper;
    }

    DecodedEvent decode(ConsumerRecord<String, byte[]> record) {
        // one pass over the headers: a rebuild decodes hundreds of thousands of records a second
        byte[] spec = null;
        byte[] id = null;
        byte[] type = null;
        byte[] source = null;
        byte[] subject = null;
        byte[] county = null;
        byte[] sequence = null;
        for (Header h : record.headers()) {
            switch (h.key()) {
                case "ce_specversion" -> spec = h.value();
                case "ce_id" -> id = h.value();
                case "ce_type" -> type = h.value();
                case "ce_source" -> source = h.value();
                case "ce_subject" -> subject = h.value();
                case EventAttributes.HEADER_PREFIX + EventAttributes.COUNTY -> county = h.value();
                case EventAttributes.HEADER_PREFIX + EventAttributes.SEQUENCE -> sequence = h.value();
                default -> {
                    // other attributes (time, actor, dataschema) and other headers are not needed to apply the event
                }
            }
        }
        if (spec == null || !Arrays.equals(spec, SPEC_VERSION)) {
            throw new PoisonEventException("not a CloudEvent: specversion is " + (spec == null ? "missing" : "'" + text(spec) + "'"));
        }
        String eventId = required(id, "id");
        String eventType = required(type, "type");
        required(source, "source");
        Owner owner = owners.computeIfAbsent(record.topic(), Owner::of).orElseThrow(() ->
                new PoisonEventException("event " + eventId + " arrived on " + record.topic() + ", which no service owns"));
        if (!Arrays.equals(source, owner.source())) {
            throw new PoisonEventException("event " + eventId + " has source '" + text(source) + "', but only "
                    + text(owner.source()) + " publishes on " + record.topic());
        }
        String aggregate = subject == null ? null : text(subject);
        if (aggregate == null || aggregate.isBlank()) {
            throw new PoisonEventException("event " + eventId + " has no subject (aggregate id)");
        }
        String countyCode = county == null ? null : text(county);
        if (countyCode == null || !County.isCountyOrCityCode(countyCode)) {
            throw new PoisonEventException("event " + eventId + " has county '" + countyCode + "', not a Chenzhou code");
        }
        long seq;
        try {
            seq = Long.parseLong(sequence == null ? null : text(sequence));
        } catch (NumberFormatException e) {
            throw new PoisonEventException("event " + eventId + " has no numeric sequence");
        }
        if (seq < 1) {
            throw new PoisonEventException("event " + eventId + " has sequence " + seq);
        }
        if (record.value() == null) {
            throw new PoisonEventException("event " + eventId + " has no data");
        }
        Optional<EventType> known = EventCatalogue.byType(eventType);
        if (known.isPresent() && !known.get().topic().equals(owner.topic())) {
            throw new PoisonEventException("event " + eventId + " is a " + eventType + ", which only "
                    + Topics.OWNERS.get(known.get().topic()) + " publishes, on " + known.get().topic() + ", not on "
                    + record.topic());
        }
        ObjectReader reader = readers.computeIfAbsent(eventType, this::readerFor).orElse(null);
        Object data = null;
        if (reader != null) {
            try {
                data = reader.readValue(record.value());
            } catch (JacksonException e) {
                throw new PoisonEventException("data of " + eventType + " " + eventId + " is unreadable: " + e.getOriginalMessage(), e);
            }
            if (data == null) {
                throw new PoisonEventException("event " + eventId + " has null data");
            }
        }
        return new DecodedEvent(record.topic() + "/" + aggregate, seq, eventType, data);
    }

    /** The reader of a type's data; empty for a type this catalogue does not know (a newer version): read past it. */
    private Optional<ObjectReader> readerFor(String type) {
        return EventCatalogue.byType(type).map(EventType::data)
                .map(data -> mapper.readerFor(data).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    }

    private static String required(byte[] value, String name) {
        String text = value == null ? null : text(value);
        if (text == null || text.isBlank()) {
            throw new PoisonEventException("not a CloudEvent: attribute " + name + " is missing");
        }
        return text;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
