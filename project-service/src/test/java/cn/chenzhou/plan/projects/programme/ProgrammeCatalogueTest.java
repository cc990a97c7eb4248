package cn.chenzhou.plan.projects.programme;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.projects.ProjectServiceTest;
import cn.chenzhou.plan.projects.programme.model.SeedProgrammes;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Programmes are reference data: seeded once from the source document, extended by the plan office without a release. */
class ProgrammeCatalogueTest extends ProjectServiceTest {

    @Test
    void theProgrammesOfTheSourceDocumentAreThereFromTheFirstStart() {
        JsonNode page = http().get("/api/projects/programmes?size=200", county(YONGXING)).json();
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(SeedProgrammes.ALL.size());
        JsonNode spark = http().get("/api/projects/programmes/SPARK", TestTokens.viewer()).json();
        assertThat(spark.get("chineseName").asString()).isEqualTo("星火计划");
        assertThat(spark.get("englishName").asString()).isEqualTo("Spark Programme");
        assertThat(spark.get("level").asString()).isEqualTo("NATIONAL");
        for (String name : new String[] {"科技支撑县域经济发展专项", "科技创新型中小微企业培育", "科技富民强县", "星火计划",
                "农业科技成果转化资金", "中小企业科技创新基金", "十城万盏 半导体照明应用示范", "重点科技成果转化", "民生科技"}) {
            assertThat(page.get("items").valueStream().map(p -> p.get("chineseName").asString())).as(name).contains(name);
        }
    }

    @Test
    void seedingAgainChangesNothingAndKeepsWhatThePlanOfficeAdded() {
        Http.Response added = http().post("/api/projects/programmes", admin(),
                "{\"code\":\"IP_PILOT\",\"chineseName\":\"知识产权试点示范\",\"englishName\":\"IP Pilot Demonstration\",\"level\":\"PROVINCIAL\"}");
        assertThat(added.status()).isEqualTo(201);
        long before = http().get("/api/projects/programmes", admin()).json().get("total").asLong();

        new Programmes(mongo, Clock.systemUTC());

        assertThat(http().get("/api/projects/programmes", admin()).json().get("total").asLong()).isEqualTo(before);
        assertThat(http().get("/api/projects/programmes/IP_PILOT", admin()).json().get("chineseName").asString())
                .isEqualTo("知识产权试点示范");
    }

    @Test
    void thePlanOfficeAddsAProgrammeAndCountiesApplyUnderItAtOnce() {
        String body = "{\"code\":\"RARE_METALS\",\"chineseName\":\"稀贵金属专项\",\"englishName\":\"Rare and Precious Metals\",\"level\":\"MUNICIPAL\"}";
        assertThat(http().post("/api/projects/programmes", county(YONGXING), body).status()).isEqualTo(403);
        assertThat(http().post("/api/projects/programmes", TestTokens.viewer(), body).status()).isEqualTo(403);
        Http.Response added = http().post("/api/projects/programmes", admin(), body);
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.header("Location")).isEqualTo("/api/projects/programmes/RARE_METALS");

        Http.Response again = http().post("/api/projects/programmes", admin(), body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith(":already-exists");

        Http.Response project = http().post("/api/projects", county(YONGXING),
                draftBody(YONGXING, "RARE_METALS", "MUNICIPAL", "2013-03-01"));
        assertThat(project.status()).as(project.toString()).isEqualTo(201);
        assertThat(project.json().get("programme").asString()).isEqualTo("RARE_METALS");
    }

    @Test
    void aProgrammeWithABadCodeOrMissingNameIsRefusedNamingTheField() {
        Http.Response badCode = http().post("/api/projects/programmes", admin(),
                "{\"code\":\"spark 2\",\"chineseName\":\"x\",\"englishName\":\"x\",\"level\":\"NATIONAL\"}");
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
        Http.Response noName = http().post("/api/projects/programmes", admin(),
                "{\"code\":\"NO_NAME\",\"englishName\":\"x\",\"level\":\"NATIONAL\"}");
        assertThat(noName.json().get("errors").get(0).get("field").asString()).isEqualTo("chineseName");
        assertThat(http().get("/api/projects/programmes/NO_NAME", admin()).status()).isEqualTo(404);
    }
}
