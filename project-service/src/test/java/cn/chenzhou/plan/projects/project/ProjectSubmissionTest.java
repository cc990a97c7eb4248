package cn.chenzhou.plan.projects.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestInfrastructure;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectSubmissionTest {
    private static final String YONGXING = "431023";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "projects_submission_test");
    }

    @LocalServerPort
    int port;

    private static String project(String county) {
        return """
                {"county":"%s","title":"稀贵金属综合回收关键技术研究","programme":"COUNTY_ECONOMY","level":"MUNICIPAL",
                 "applicant":{"name":"永兴县稀贵金属再生利用有限公司","creditCode":"91431023MA4L5EAY54"},
                 "requestedAmount":"500000.00","submittedOn":"2012-06-15"}""".formatted(county);
    }

    @Test
    void aCountySubmitsAProjectAndExactlyOneProjectSubmittedEventLeaves() {
        try (EventProbe probe = new EventProbe(Topics.PROJECTS)) {
            Http.Response created = Http.local(port).post("/api/projects", TestTokens.county(YONGXING), project(YONGXING));

            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("id").asString();
            assertThat(created.header("Location")).isEqualTo("/api/projects/" + id);
            assertThat(created.json().get("requestedAmount").asString()).isEqualTo("500000.00");

            ConsumerRecord<String, byte[]> event = probe.await(1, Duration.ofSeconds(20)).get(0);
            assertThat(event.key()).isEqualTo(id);
            assertThat(EventProbe.header(event, "ce_type")).isEqualTo("cn.chenzhou.plan.project.submitted.v1");
            assertThat(EventProbe.header(event, "ce_county")).isEqualTo(YONGXING);
            assertThat(new String(event.value(), StandardCharsets.UTF_8)).contains("\"requestedFen\":50000000");
            assertThat(probe.drain(Duration.ofMillis(500))).hasSize(1);
        }
    }

    @Test
    void aCountyCannotSubmitForAnotherCountyAndAWrongCreditCodeIsNamed() {
        try (EventProbe probe = new EventProbe(Topics.PROJECTS)) {
            assertThat(Http.local(port).post("/api/projects", TestTokens.county("431002"), project(YONGXING)).status())
                    .isEqualTo(403);
            Http.Response badCode = Http.local(port).post("/api/projects", TestTokens.county(YONGXING),
                    project(YONGXING).replace("91431023MA4L5EAY54", "91431023MA4L5EAY5J"));
            assertThat(badCode.status()).isEqualTo(400);
            assertThat(badCode.json().get("errors").get(0).get("field").asString()).isEqualTo("applicant.creditCode");
            assertThat(probe.drain(Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void anotherCountysProjectIsInvisibleToAPortal() {
        String id = Http.local(port).post("/api/projects", TestTokens.admin(), project(YONGXING)).json().get("id").asString();
        assertThat(Http.local(port).get("/api/projects/" + id, TestTokens.county(YONGXING)).status()).isEqualTo(200);
        assertThat(Http.local(port).get("/api/projects/" + id, TestTokens.county("431081")).status()).isEqualTo(404);
        assertThat(Http.local(port).get("/api/projects/" + id, TestTokens.viewer()).status()).isEqualTo(200);
    }
}
