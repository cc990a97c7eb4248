package cn.chenzhou.plan.projects.industry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.projects.ProjectServiceTest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Characteristic industries (T13): registered by the county, driven by its projects, recognised by the plan office. */
class CharacteristicIndustryApiTest extends ProjectServiceTest {
    private static final String LINWU = "431025";

    private Http.Response register(String county, String name, String token) {
        return http().post("/api/projects/industries", token,
                "{\"county\":\"" + county + "\",\"name\":\"" + name + "\",\"description\":\"依托稀贵金属回收项目\",\"registeredOn\":\"2013-01-10\"}");
    }

    @Test
    void anIndustryIsRegisteredDrivenRecognisedAndRevokedWithOneEventPerStep() {
        String project = approvedProject(LINWU);
        awaitOutboxDrained();
        try (EventProbe probe = new EventProbe(Topics.PROJECTS)) {
            Http.Response registered = register(LINWU, "临武稀贵金属精深加工", county(LINWU));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            String id = registered.json().get("id").asString();

            Http.Response early = http().post("/api/projects/industries/" + id + "/recognise", admin(),
                    "{\"version\":1,\"documentNo\":\"郴科发〔2013〕8号\",\"recognisedOn\":\"2013-03-01\"}");
            assertThat(early.status()).isEqualTo(409);
            assertThat(early.json().get("detail").asString()).isEqualTo(
                    "cannot recognise a characteristic industry that is REGISTERED: it has no driving project or achievement yet");

            Http.Response driven = http().put("/api/projects/industries/" + id + "/drivers", county(LINWU),
                    "{\"version\":1,\"projectIds\":[\"" + project + "\"],\"achievementIds\":[],\"changedOn\":\"2013-02-01\"}");
            assertThat(driven.status()).as(driven.toString()).isEqualTo(200);
            assertThat(http().post("/api/projects/industries/" + id + "/recognise", county(LINWU),
                    "{\"version\":2,\"documentNo\":\"郴科发〔2013〕8号\",\"recognisedOn\":\"2013-03-01\"}").status()).isEqualTo(403);
            Http.Response recognised = http().post("/api/projects/industries/" + id + "/recognise", admin(),
                    "{\"version\":2,\"documentNo\":\"郴科发〔2013〕8号\",\"recognisedOn\":\"2013-03-01\"}");
            assertThat(recognised.status()).isEqualTo(200);
            assertThat(recognised.json().get("status").asString()).isEqualTo("RECOGNISED");
            Http.Response revoked = http().post("/api/projects/industries/" + id + "/revoke-recognition", admin(),
                    "{\"version\":3,\"reason\":\"产业规模萎缩\",\"revokedOn\":\"2014-05-01\"}");
            assertThat(revoked.json().get("status").asString()).isEqualTo("RECOGNITION_REVOKED");

            List<ConsumerRecord<String, byte[]>> events = probe.await(4, Duration.ofSeconds(20));
            assertThat(probe.drain(Duration.ofSeconds(1))).hasSize(4);
            assertThat(events).extracting(ProjectServiceTest::type).containsExactly(
                    "cn.chenzhou.plan.industry.registered.v1", "cn.chenzhou.plan.industry.drivers-changed.v1",
                    "cn.chenzhou.plan.industry.recognised.v1", "cn.chenzhou.plan.industry.recognition-revoked.v1");
            assertThat(events).extracting(e -> EventProbe.header(e, "ce_sequence")).containsExactly("1", "2", "3", "4");
            assertThat(events).allSatisfy(e -> assertThat(EventProbe.header(e, "ce_county")).isEqualTo(LINWU));
            assertThat(data(events.get(1))).contains("\"projectIds\":[\"" + project + "\"]", "\"achievementIds\":[]");
            assertThat(data(events.get(2))).contains("\"documentNo\":\"郴科发〔2013〕8号\"", "\"recognisedOn\":\"2013-03-01\"");
            assertThat(data(events.get(3))).contains("\"revokedOn\":\"2014-05-01\"");
        }
    }

    @Test
    void aCountyRegistersAnIndustryOfAGivenNameOnce() {
        assertThat(register(LINWU, "临武 东江鱼 养殖", county(LINWU)).status()).isEqualTo(201);
        Http.Response twice = register(LINWU, "临武 东江鱼  养殖 ", admin());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("type").asString()).endsWith(":already-exists");
        assertThat(register(ZIXING, "临武 东江鱼 养殖", county(ZIXING)).status()).as("another county may use the name").isEqualTo(201);
        assertThat(register(LINWU, "临武 东江鱼 养殖", county(ZIXING)).status()).isEqualTo(403);
    }

    @Test
    void onlyApprovedProjectsAndLiveAchievementsOfTheSameCountyDriveAnIndustry() {
        String id = register(LINWU, "临武硅灰石新材料", county(LINWU)).json().get("id").asString();
        String draft = draft(LINWU);
        String otherCounty = approvedProject(YONGXING);
        String[][] cases = {
                {"[\"" + draft + "\"]", "[]", "projectIds[0]"},
                {"[\"" + otherCounty + "\"]", "[]", "projectIds[0]"},
                {"[]", "[\"ach-none\"]", "achievementIds[0]"},
                {"[\"\"]", "[]", "projectIds[0]"}};
        for (String[] c : cases) {
            Http.Response refused = http().put("/api/projects/industries/" + id + "/drivers", admin(),
                    "{\"version\":1,\"projectIds\":" + c[0] + ",\"achievementIds\":" + c[1] + ",\"changedOn\":\"2013-02-01\"}");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo(c[2]);
        }
        JsonNode industry = http().get("/api/projects/industries/" + id, county(LINWU)).json();
        assertThat(industry.get("version").asLong()).isEqualTo(1);
        assertThat(http().get("/api/projects/industries/" + id, county(YONGXING)).status()).isEqualTo(404);
    }
}
