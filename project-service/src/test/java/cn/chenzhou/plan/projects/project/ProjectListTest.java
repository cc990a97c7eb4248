package cn.chenzhou.plan.projects.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.projects.ProjectServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** Lists filter by county, programme, status, level and year, page, and keep a county portal inside its county. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectListTest extends ProjectServiceTest {
    private static final String ANREN = "431028";

    @BeforeAll
    void anrenHasThreeProjects() {
        draftAs("COUNTY_ECONOMY", "MUNICIPAL", "2012-06-01");
        String spark = draftAs("SPARK", "NATIONAL", "2013-02-01");
        ok(act(spark, "submit", county(ANREN), "\"submittedOn\":\"2013-02-10\""));
        draftAs("LIVELIHOOD", "MUNICIPAL", "2013-03-01");
    }

    private String draftAs(String programme, String level, String draftedOn) {
        Http.Response created = http().post("/api/projects", county(ANREN), draftBody(ANREN, programme, level, draftedOn));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private JsonNode list(String query, String token) {
        Http.Response response = http().get("/api/projects" + query, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void thePlanOfficeFiltersByEveryAttribute() {
        JsonNode all = list("?county=" + ANREN, admin());
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("items").valueStream().map(p -> p.get("programme").asString()))
                .as("latest drafted first").containsExactly("LIVELIHOOD", "SPARK", "COUNTY_ECONOMY");
        assertThat(list("?county=" + ANREN + "&programme=SPARK", admin()).get("total").asLong()).isEqualTo(1);
        assertThat(list("?county=" + ANREN + "&level=MUNICIPAL", admin()).get("total").asLong()).isEqualTo(2);
        assertThat(list("?county=" + ANREN + "&status=SUBMITTED", admin()).get("items").get(0).get("programme").asString())
                .isEqualTo("SPARK");
        assertThat(list("?county=" + ANREN + "&year=2013", admin()).get("total").asLong()).isEqualTo(2);
        assertThat(list("?county=" + ANREN + "&year=2012&status=DRAFT", admin()).get("total").asLong()).isEqualTo(1);
        assertThat(list("?county=" + ANREN + "&programme=SPARK&status=DRAFT", admin()).get("total").asLong()).isZero();
    }

    @Test
    void aListComesInPages() {
        JsonNode first = list("?county=" + ANREN + "&size=2", TestTokens.viewer());
        JsonNode second = list("?county=" + ANREN + "&size=2&page=1", TestTokens.finance());
        assertThat(first.get("items").size()).isEqualTo(2);
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(second.get("items").size()).isEqualTo(1);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("items").get(0).get("programme").asString()).isEqualTo("COUNTY_ECONOMY");
    }

    @Test
    void aCountyPortalAlwaysListsItsOwnCountyOnly() {
        draft(YONGXING);
        JsonNode mine = list("?size=200", county(ANREN));
        assertThat(mine.get("total").asLong()).isEqualTo(3);
        assertThat(mine.get("items").valueStream().map(p -> p.get("county").asString())).containsOnly(ANREN);
        assertThat(list("?county=" + ANREN + "&status=SUBMITTED", county(ANREN)).get("total").asLong()).isEqualTo(1);
        Http.Response other = http().get("/api/projects?county=" + YONGXING, county(ANREN));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.contentType()).startsWith("application/problem+json");
    }
}
