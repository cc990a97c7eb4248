package cn.chenzhou.plan.reporting.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestInfrastructure;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.contracts.project.ProjectEvents;
import cn.chenzhou.plan.stack.SharedInfrastructure;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Given events on the real broker, the county's project count in reporting's read model. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectFactsTest {
    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "reporting_project_facts_test");
    }

    @LocalServerPort
    int port;

    private static ProducerRecord<String, byte[]> submitted(String eventId, String projectId, String county) {
        String data = """
                {"projectId":"%s","county":"%s","title":"t","programme":"SPARK","level":"MUNICIPAL","applicantName":"a",
                 "applicantCreditCode":"91431023MA4L5EAY54","requestedFen":100,"submittedOn":"2013-03-01","unknownField":1}"""
                .formatted(projectId, county);
        return KafkaMessageFactory.<String>createWriter(Topics.PROJECTS, projectId).writeBinary(CloudEventBuilder.v1()
                .withId(eventId).withSource(URI.create("/project-service")).withType(ProjectEvents.SUBMITTED.type())
                .withSubject(projectId).withTime(OffsetDateTime.now()).withExtension("county", county)
                .withExtension("actor", "county-" + county).withExtension("sequence", 1L)
                .withData(data.getBytes(StandardCharsets.UTF_8)).build());
    }

    private long countFor(String county) {
        return Http.local(port).get("/api/reports/counties/" + county + "/projects", TestTokens.county(county))
                .json().get("submitted").asLong();
    }

    @Test
    void aProjectSubmittedTwiceCountsOnceAndAPoisonEventIsSetAsideWithoutStoppingTheCount() throws Exception {
        String county = "431026";
        long before = countFor(county);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                SharedInfrastructure.kafkaClient(), new StringSerializer(), new ByteArraySerializer());
             EventProbe dlt = new EventProbe(Topics.deadLetterOf(Topics.PROJECTS))) {
            String first = "prj-" + UUID.randomUUID();
            ProducerRecord<String, byte[]> event = submitted(UUID.randomUUID().toString(), first, county);
            producer.send(event).get();
            producer.send(event).get();
            producer.send(new ProducerRecord<>(Topics.PROJECTS, "junk", "{\"projectId\":".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(submitted(UUID.randomUUID().toString(), "prj-" + UUID.randomUUID(), county)).get();

            await().atMost(Duration.ofSeconds(30)).until(() -> countFor(county) == before + 2);
            assertThat(dlt.await(1, Duration.ofSeconds(30))).hasSize(1);
            assertThat(countFor(county)).isEqualTo(before + 2);
        }
    }
}
