package cn.chenzhou.plan.projects.achievement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.projects.ProjectServiceTest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Key achievement transformations (T12): recorded by the county or the plan office, withdrawn by the plan office. */
class AchievementTransformationApiTest extends ProjectServiceTest {

    static String transformation(String county, String projectId, String outputValue) {
        return """
                {"county":"%s","title":"稀贵金属高效提取技术产业化",%s
                 "enterprise":{"name":"永兴县稀贵金属再生利用有限公司","creditCode":"%s"},
                 "transformedOn":"2013-05-20","outputValue":%s,"resultSummary":"新增产值1200万元，利税300万元"}"""
                .formatted(county, projectId == null ? "" : "\"projectId\":\"" + projectId + "\",", creditCode(county), outputValue);
    }

    @Test
    void aCountyRecordsATransformationFromItsProjectAndThePlanOfficeWithdrawsIt() {
        String project = approvedProject(YONGXING);
        awaitOutboxDrained();
        try (EventProbe probe = new EventProbe(Topics.PROJECTS)) {
            Http.Response recorded = http().post("/api/projects/achievements", county(YONGXING),
                    transformation(YONGXING, project, "\"12000000.00\""));
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
            JsonNode a = recorded.json();
            String id = a.get("id").asString();
            assertThat(recorded.header("Location")).isEqualTo("/api/projects/achievements/" + id);
            assertThat(a.get("status").asString()).isEqualTo("RECORDED");
            assertThat(a.get("outputValue").asString()).isEqualTo("12000000.00");
            assertThat(a.get("projectId").asString()).isEqualTo(project);

            assertThat(http().post("/api/projects/achievements/" + id + "/withdraw", county(YONGXING),
                    "{\"version\":1,\"reason\":\"重复登记\",\"withdrawnOn\":\"2013-06-01\"}").status()).isEqualTo(403);
            Http.Response withdrawn = http().post("/api/projects/achievements/" + id + "/withdraw", admin(),
                    "{\"version\":1,\"reason\":\"重复登记\",\"withdrawnOn\":\"2013-06-01\"}");
            assertThat(withdrawn.status()).isEqualTo(200);
            assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
            assertThat(withdrawn.json().get("history").size()).isEqualTo(2);

            Http.Response again = http().post("/api/projects/achievements/" + id + "/withdraw", admin(),
                    "{\"version\":2,\"reason\":\"again\",\"withdrawnOn\":\"2013-06-02\"}");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("detail").asString())
                    .isEqualTo("cannot withdraw an achievement transformation that is WITHDRAWN");
            assertThat(again.json().get("currentStatus").asString()).isEqualTo("WITHDRAWN");
            assertThat(again.json().get("attemptedTransition").asString()).isEqualTo("withdraw");

            List<ConsumerRecord<String, byte[]>> events = probe.await(2, Duration.ofSeconds(20));
            assertThat(probe.drain(Duration.ofSeconds(1))).hasSize(2);
            assertThat(events).extracting(ProjectServiceTest::type).containsExactly(
                    "cn.chenzhou.plan.achievement.transformation-recorded.v1",
                    "cn.chenzhou.plan.achievement.transformation-withdrawn.v1");
            assertThat(events).extracting(e -> EventProbe.header(e, "ce_sequence")).containsExactly("1", "2");
            assertThat(events).extracting(e -> EventProbe.header(e, "ce_actor")).containsExactly("county-" + YONGXING, "plan-office");
            assertThat(data(events.get(0))).contains("\"outputValueFen\":1200000000", "\"transformedOn\":\"2013-05-20\"",
                    "\"projectId\":\"" + project + "\"", "\"enterpriseCreditCode\":\"" + CREDIT_CODE + "\"");
            assertThat(data(events.get(1))).contains("\"withdrawnOn\":\"2013-06-01\"", "\"reason\":\"重复登记\"");
        }
    }

    @Test
    void aTransformationWithoutAProjectIsFineButOnlyFromAnApprovedProjectTheCallerCanSee() {
        assertThat(http().post("/api/projects/achievements", admin(), transformation(ZIXING, null, "0")).status()).isEqualTo(201);

        String draft = draft(YONGXING);
        Http.Response fromDraft = http().post("/api/projects/achievements", county(YONGXING), transformation(YONGXING, draft, "0"));
        assertThat(fromDraft.status()).isEqualTo(400);
        assertThat(fromDraft.json().get("errors").get(0).get("field").asString()).isEqualTo("projectId");
        assertThat(fromDraft.json().get("detail").asString()).contains("DRAFT");

        String yongxingProject = approvedProject(YONGXING);
        Http.Response foreign = http().post("/api/projects/achievements", county(ZIXING), transformation(ZIXING, yongxingProject, "0"));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().get("detail").asString()).isEqualTo("projectId: no such project: " + yongxingProject);
        assertThat(http().post("/api/projects/achievements", admin(), transformation(ZIXING, yongxingProject, "0")).status())
                .as("the plan office may link a project of another county").isEqualTo(201);
    }

    @Test
    void badTransformationsAreRefusedNamingTheField() {
        long before = mongo.getCollection("achievements").countDocuments();
        String[][] cases = {
                {transformation(YONGXING, null, "-1"), "outputValue"},
                {transformation(YONGXING, null, "\"1.234\""), "outputValue"},
                {transformation("431099", null, "0"), "county"},
                {transformation(YONGXING, null, "0").replace("\"title\":\"稀贵金属高效提取技术产业化\"", "\"title\":{\"$gt\":\"\"}"), "title"},
                {transformation(YONGXING, null, "0").replace("2013-05-20", "2999-01-01"), "transformedOn"},
                {transformation(YONGXING, null, "0").replace(CREDIT_CODE, "91431023MA4L5EAY5J"), "enterprise.creditCode"},
                {transformation(YONGXING, null, "0").replace("\"resultSummary\"", "\"profit\":1,\"resultSummary\""), "profit"}};
        for (String[] c : cases) {
            Http.Response response = http().post("/api/projects/achievements", county(YONGXING), c[0]);
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(c[1]);
        }
        assertThat(http().post("/api/projects/achievements", county(ZIXING), transformation(YONGXING, null, "0")).status())
                .isEqualTo(403);
        assertThat(http().post("/api/projects/achievements", TestTokens.viewer(), transformation(YONGXING, null, "0")).status())
                .isEqualTo(403);
        assertThat(mongo.getCollection("achievements").countDocuments()).isEqualTo(before);
    }

    @Test
    void aCountyListsOnlyItsOwnTransformations() {
        String guidong = "431027";
        http().post("/api/projects/achievements", county(guidong), transformation(guidong, null, "100"));
        JsonNode mine = http().get("/api/projects/achievements?year=2013", county(guidong)).json();
        assertThat(mine.get("total").asLong()).isEqualTo(1);
        assertThat(mine.get("items").get(0).get("county").asString()).isEqualTo(guidong);
        assertThat(http().get("/api/projects/achievements?county=" + YONGXING, county(guidong)).status()).isEqualTo(403);
        assertThat(http().get("/api/projects/achievements?county=" + guidong + "&year=2012", admin()).json().get("total").asLong())
                .isZero();
    }
}
