package cn.chenzhou.plan.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.contracts.EventCatalogue;
import cn.chenzhou.plan.contracts.EventType;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SyntheticEventsTest {
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aMillionEventsAreTwentyFiveThousandProjectHistoriesOfFortyEvents() {
        assertThat(new SyntheticEvents(1_000_000).projects()).isEqualTo(25_000);
        assertThat(new SyntheticEvents(1_000_001).projects()).isEqualTo(25_001);
    }

    @Test
    void everyEventOfAHistoryIsAValidCloudEventOfItsProjectNumberedOneToForty() throws Exception {
        SyntheticEvents events = new SyntheticEvents(40);
        String id = events.projectId(0);
        for (int step = 1; step <= SyntheticEvents.EVENTS_PER_PROJECT; step++) {
            ProducerRecord<String, byte[]> r = events.record(0, step);
            assertThat(r.topic()).isEqualTo("projects.events");
            assertThat(r.key()).isEqualTo(id);
            assertThat(header(r, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(r, "ce_subject")).isEqualTo(id);
            assertThat(header(r, "ce_sequence")).isEqualTo(String.valueOf(step));
            assertThat(header(r, "ce_county")).isEqualTo(SyntheticEvents.county(0));
            assertThat(header(r, "ce_id")).isNotBlank();
            EventType type = EventCatalogue.byType(header(r, "ce_type")).orElseThrow();
            JsonNode data = JSON.readTree(r.value());
            Schema schema;
            try (InputStream in = EventType.class.getResourceAsStream("/schemas/" + type.schemaFile())) {
                schema = SCHEMAS.getSchema(in);
            }
            List<com.networknt.schema.Error> errors = schema.validate(data);
            assertThat(errors).as(type.type() + " " + data).isEmpty();
        }
        assertThat(header(events.record(0, 1), "ce_type")).isEqualTo("cn.chenzhou.plan.project.drafted.v1");
        assertThat(header(events.record(0, 40), "ce_type")).isEqualTo("cn.chenzhou.plan.project.accepted.v1");
    }

    private static String header(ProducerRecord<String, byte[]> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
