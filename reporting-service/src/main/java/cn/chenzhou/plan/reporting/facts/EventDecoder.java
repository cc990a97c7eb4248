package cn.chenzhou.plan.reporting.facts;

import cn.chenzhou.plan.chassis.events.PoisonEventException;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.contracts.EventAttributes;
import cn.chenzhou.plan.contracts.EventCatalogue;
import cn.chenzhou.plan.contracts.EventType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
 */
@Component
class EventDecoder {
    private final JsonMapper mapper;
    private final Map<String, Optional<ObjectReader>> readers = new ConcurrentHashMap<>();

    EventDecoder(JsonMapper mapper) {
        this.mapper = mapper;
    }

    DecodedEvent decode(ConsumerRecord<String, byte[]> record) {
        String spec = header(record, "specversion");
        if (!EventAttributes.SPEC_VERSION.equals(spec)) {
            throw new PoisonEventException("not a CloudEvent: specversion is " + (spec == null ? "missing" : "'" + spec + "'"));
        }
        String id = required(record, "id");
        String type = required(record, "type");
        required(record, "source");
        String subject = header(record, "subject");
        if (subject == null || subject.isBlank()) {
            throw new PoisonEventException("event " + id + " has no subject (aggregate id)");
        }
        String county = header(record, EventAttributes.COUNTY);
        if (!County.isCountyCode(county) && !County.CITY_CODE.equals(county)) {
            throw new PoisonEventException("event " + id + " has county '" + county + "', not a Chenzhou code");
        }
        long sequence;
        try {
            sequence = Long.parseLong(header(record, EventAttributes.SEQUENCE));
        } catch (NumberFormatException e) {
            throw new PoisonEventException("event " + id + " has no numeric sequence");
        }
        if (sequence < 1) {
            throw new PoisonEventException("event " + id + " has sequence " + sequence);
        }
        if (record.value() == null) {
            throw new PoisonEventException("event " + id + " has no data");
        }
        ObjectReader reader = readers.computeIfAbsent(type, this::readerFor).orElse(null);
        Object data = null;
        if (reader != null) {
            try {
                data = reader.readValue(record.value());
            } catch (JacksonException e) {
                throw new PoisonEventException("data of " + type + " " + id + " is unreadable: " + e.getOriginalMessage(), e);
            }
            if (data == null) {
                throw new PoisonEventException("event " + id + " has null data");
            }
        }
        return new DecodedEvent(record.topic() + "/" + subject, sequence, type, data);
    }

    /** The reader of a type's data; empty for a type this catalogue does not know (a newer version): read past it. */
    private Optional<ObjectReader> readerFor(String type) {
        return EventCatalogue.byType(type).map(EventType::data)
                .map(data -> mapper.readerFor(data).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    }

    private static String required(ConsumerRecord<String, byte[]> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("not a CloudEvent: attribute " + name + " is missing");
        }
        return value;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(EventAttributes.HEADER_PREFIX + name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
