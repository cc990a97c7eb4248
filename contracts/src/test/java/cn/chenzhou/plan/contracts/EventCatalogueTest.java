package cn.chenzhou.plan.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue is the contract: every event type has a JSON Schema that describes exactly the fields of its
 * data record, and a sample that both the schema and the record accept.
 */
class EventCatalogueTest {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static Stream<EventType> types() {
        return EventCatalogue.all().stream();
    }

    @Test
    void typeNamesAreUniqueAndVersioned() {
        Set<String> seen = new HashSet<>();
        for (EventType type : EventCatalogue.all()) {
            assertThat(seen.add(type.type())).as("duplicate " + type.type()).isTrue();
            assertThat(type.type()).matches("cn\\.chenzhou\\.plan\\.[a-z-]+\\.[a-z.-]+\\.v\\d+");
            assertThat(type.topic()).isIn(Topics.PROJECTS, Topics.FUNDING, Topics.REGISTRY, Topics.ALERTS);
            assertThat(type.data().isRecord()).as(type.data() + " is a record").isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void theSchemaDescribesExactlyTheFieldsOfTheDataRecord(EventType type) throws IOException {
        JsonNode schema = read("/schemas/" + type.schemaFile());
        assertThat(schema.get("$id").asString()).isEqualTo(type.dataSchema());
        Set<String> declared = new HashSet<>(schema.get("properties").propertyNames());
        Set<String> components = new HashSet<>(Arrays.stream(type.data().getRecordComponents())
                .map(RecordComponent::getName).toList());
        assertThat(declared).isEqualTo(components);
        JsonNode additional = schema.get("additionalProperties");
        assertThat(additional == null || additional.asBoolean())
                .as("readers ignore unknown fields, so schemas must allow them").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void itsSampleIsValidForTheSchemaAndReadableAsTheRecord(EventType type) throws IOException {
        String resource = "/samples/" + type.schemaFile().replace(".schema.json", ".json");
        JsonNode sample = read(resource);
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + type.schemaFile())) {
            schema = SCHEMAS.getSchema(in);
        }
        List<com.networknt.schema.Error> errors = schema.validate(sample);
        assertThat(errors).as(resource).isEmpty();
        Object data = JSON.treeToValue(sample, type.data());
        JsonNode roundTrip = JSON.valueToTree(data);
        assertThat(roundTrip.toString()).isEqualTo(sample.toString());
    }

    @Test
    void theHumanCatalogueListsEveryType() throws IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("EVENTS.md"));
        for (EventType type : EventCatalogue.all()) {
            assertThat(doc).as("EVENTS.md describes " + type.type())
                    .contains("`" + type.name().substring("cn.chenzhou.plan.".length()) + ".v" + type.version() + "`");
        }
    }

    private JsonNode read(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " exists").isNotNull();
            return JSON.readTree(in);
        }
    }
}
