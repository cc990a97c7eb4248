package cn.chenzhou.plan.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.contracts.testing.EventSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
    /** RFC 8141: a URN's namespace identifier is letters, digits and hyphens — no dots — or standard validators refuse it. */
    private static final String URN = "urn:[A-Za-z0-9][A-Za-z0-9-]{0,30}[A-Za-z0-9]:[A-Za-z0-9()+,\\-.:=@;$_!*'%/?#]+";

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
        List<String> errors = EventSchemas.problems(type.type(), type.dataSchema(),
                sample.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(errors).as(resource).isEmpty();
        Object data = JSON.treeToValue(sample, type.data());
        JsonNode roundTrip = JSON.valueToTree(data);
        assertThat(roundTrip.toString()).isEqualTo(sample.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void itsSchemaIdAndEveryReferenceAreValidUris(EventType type) throws IOException {
        JsonNode schema = read("/schemas/" + type.schemaFile());
        assertThat(schema.get("$id").asString()).matches(URN);
        for (JsonNode ref : schema.findValues("$ref")) {
            String target = ref.asString();
            assertThat(target.startsWith("#") || target.matches(URN)).as("$ref " + target).isTrue();
            if (target.startsWith("#")) {
                assertThat(schema.at(target.substring(1)).isMissingNode()).as("$ref " + target + " resolves").isFalse();
            }
        }
    }

    @Test
    void anEventThatBreaksItsSchemaIsRefused() {
        EventType drafted = EventCatalogue.byType("cn.chenzhou.plan.project.drafted.v1").orElseThrow();
        String sample = new String(readBytes("/samples/" + drafted.schemaFile().replace(".schema.json", ".json")),
                StandardCharsets.UTF_8);
        String farPast = sample.replaceFirst("\"draftedOn\"\\s*:\\s*\"[^\"]*\"", "\"draftedOn\":\"-999999999-01-01\"");
        assertThat(farPast).isNotEqualTo(sample);
        assertThat(EventSchemas.problems(drafted.type(), drafted.dataSchema(), farPast.getBytes(StandardCharsets.UTF_8)))
                .anyMatch(p -> p.contains("draftedOn"));
        assertThat(EventSchemas.problems(drafted.type(), "urn:cn-chenzhou-plan:schema:project.submitted.v1",
                sample.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        assertThat(EventSchemas.problems("cn.chenzhou.plan.nothing.v1", "urn:cn-chenzhou-plan:schema:nothing.v1",
                sample.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    @Test
    void theHumanCatalogueListsEveryType() throws IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("EVENTS.md"));
        for (EventType type : EventCatalogue.all()) {
            assertThat(doc).as("EVENTS.md describes " + type.type())
                    .contains("`" + type.name().substring("cn.chenzhou.plan.".length()) + ".v" + type.version() + "`");
        }
    }

    private byte[] readBytes(String resource) {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " exists").isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode read(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " exists").isNotNull();
            return JSON.readTree(in);
        }
    }
}
