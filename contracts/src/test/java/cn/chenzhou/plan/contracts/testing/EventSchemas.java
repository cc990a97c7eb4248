package cn.chenzhou.plan.contracts.testing;

import cn.chenzhou.plan.contracts.EventCatalogue;
import cn.chenzhou.plan.contracts.EventType;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds every event a test sees against the JSON Schema it claims ({@code ce_dataschema}), with a standard validator
 * (draft 2020-12, formats asserted): the schemas are the contract other readers — in any language — rely on, so an
 * event that breaks its own schema must fail the test that made it, not a consumer months later.
 *
 * <p>A schema is found by its id: {@code urn:cn-chenzhou-plan:schema:<name>} is {@code /schemas/<name>.schema.json}
 * on the class path (the catalogue's in this module; a test may bring its own for an event type of its own). An event
 * of a catalogued type must claim that type's schema.
 */
public final class EventSchemas {
    public static final String ID_PREFIX = "urn:cn-chenzhou-plan:schema:";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /**
     * Fails (with an {@link AssertionError} naming the event and every violation) unless the event's data is valid
     * for the schema it names and that schema is its type's.
     *
     * @param where how the failure should name the event, e.g. its topic, key and offset
     */
    public static void requireConforming(String type, String dataSchema, byte[] data, String where) {
        List<String> problems = problems(type, dataSchema, data);
        if (!problems.isEmpty()) {
            throw new AssertionError("event " + type + " (" + where + ") does not conform to its schema " + dataSchema
                    + ": " + problems + "\n  data: " + (data == null ? null : new String(data, StandardCharsets.UTF_8)));
        }
    }

    /** What is wrong with the event; empty if it conforms. */
    public static List<String> problems(String type, String dataSchema, byte[] data) {
        if (type == null || dataSchema == null || !dataSchema.startsWith(ID_PREFIX)) {
            return List.of("an event must name its type and a schema " + ID_PREFIX + "…");
        }
        EventType catalogued = EventCatalogue.byType(type).orElse(null);
        if (catalogued != null && !catalogued.dataSchema().equals(dataSchema)) {
            return List.of("a " + type + " event must claim the schema " + catalogued.dataSchema());
        }
        Schema schema = SCHEMAS.computeIfAbsent(dataSchema, EventSchemas::load);
        if (schema == null) {
            return List.of("no schema " + dataSchema + " on the class path");
        }
        JsonNode json;
        try {
            json = JSON.readTree(data);
        } catch (JacksonException e) {
            return List.of("the data is not JSON: " + e.getOriginalMessage());
        }
        return schema.validate(json).stream().map(Error::toString).toList();
    }

    private static Schema load(String id) {
        String resource = "/schemas/" + id.substring(ID_PREFIX.length()) + ".schema.json";
        try (InputStream in = EventSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            JsonNode node = JSON.readTree(in);
            if (!id.equals(node.path("$id").asString())) {
                throw new AssertionError(resource + " has the id " + node.path("$id") + ", not " + id);
            }
            return REGISTRY.getSchema(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
