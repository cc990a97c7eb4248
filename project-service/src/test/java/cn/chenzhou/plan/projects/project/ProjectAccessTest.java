package cn.chenzhou.plan.projects.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.projects.ProjectServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who may do what: county portals their own county's applications, the plan office the decisions, everyone reads. */
class ProjectAccessTest extends ProjectServiceTest {

    @Test
    void aCountyPortalDraftsOnlyForItsOwnCountyAndNobodyElseDrafts() {
        assertThat(http().post("/api/projects", county("431002"), draftBody(YONGXING)).status()).isEqualTo(403);
        assertThat(http().post("/api/projects", admin(), draftBody(YONGXING)).status()).isEqualTo(403);
        assertThat(http().post("/api/projects", TestTokens.viewer(), draftBody(YONGXING)).status()).isEqualTo(403);
        assertThat(http().post("/api/projects", TestTokens.finance(), draftBody(YONGXING)).status()).isEqualTo(403);

        Http.Response created = http().post("/api/projects", county(YONGXING), draftBody(YONGXING));
        assertThat(created.status()).isEqualTo(201);
        JsonNode project = created.json();
        assertThat(created.header("Location")).isEqualTo("/api/projects/" + project.get("id").asString());
        assertThat(project.get("status").asString()).isEqualTo("DRAFT");
        assertThat(project.get("version").asLong()).isEqualTo(1);
        assertThat(project.get("countyName").asString()).isEqualTo("永兴县");
        assertThat(project.get("requestedAmount").asString()).isEqualTo("500000.00");
        assertThat(project.get("period").get("end").asString()).isEqualTo("2014-06-30");
        assertThat(project.get("applicant").get("creditCode").asString()).isEqualTo(CREDIT_CODE);
    }

    @Test
    void anotherCountysProjectDoesNotExistForAPortalEvenToChangeIt() {
        String id = draft(YONGXING);
        assertThat(http().get("/api/projects/" + id, county(YONGXING)).status()).isEqualTo(200);
        assertThat(http().get("/api/projects/" + id, county(ZIXING)).status()).isEqualTo(404);
        assertThat(http().get("/api/projects/" + id + "/history", county(ZIXING)).status()).isEqualTo(404);
        assertThat(act(id, "submit", county(ZIXING), SUBMIT).status()).isEqualTo(404);
        assertThat(http().get("/api/projects/" + id, TestTokens.viewer()).status()).isEqualTo(200);
        assertThat(http().get("/api/projects/" + id, TestTokens.finance()).status()).isEqualTo(200);
        assertThat(version(id)).isEqualTo(1);
    }

    @Test
    void onlyThePlanOfficeReviewsDecidesAndFollowsAProjectAndOnlyTheCountySubmitsIt() {
        String id = draft(YONGXING);
        assertThat(act(id, "submit", admin(), SUBMIT).status()).isEqualTo(403);
        ok(act(id, "submit", county(YONGXING), SUBMIT));
        for (String token : new String[] {county(YONGXING), TestTokens.viewer(), TestTokens.finance()}) {
            Http.Response refused = act(id, "formal-review", token, PASS);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("type").asString()).endsWith(":forbidden");
        }
        ok(act(id, "formal-review", admin(), PASS));
        ok(act(id, "expert-review", admin(), EXPERTS));
        assertThat(act(id, "approve", county(YONGXING), APPROVE).status()).isEqualTo(403);
        ok(act(id, "approve", admin(), APPROVE));
        assertThat(act(id, "start", county(YONGXING), START).status()).isEqualTo(403);
        ok(act(id, "start", admin(), START));
    }

    @Test
    void aCountyPortalSeesTheExpertsScoresButNotWhoTheExpertsWere() {
        String id = expertReviewedProject(YONGXING);
        JsonNode forCounty = http().get("/api/projects/" + id, county(YONGXING)).json().get("expertReview");
        JsonNode forOffice = http().get("/api/projects/" + id, admin()).json().get("expertReview");
        assertThat(forCounty.get("reviews").get(0).get("expert").asString()).isEqualTo("expert 1");
        assertThat(forCounty.get("reviews").get(2).get("score").asDouble()).isEqualTo(90.5);
        assertThat(forCounty.get("aggregateScore").asDouble()).isEqualTo(86.17);
        assertThat(forOffice.get("reviews").get(0).get("expert").asString()).isEqualTo("王教授");
    }
}
