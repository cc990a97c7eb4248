package cn.chenzhou.plan.registry.platformtype;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.registry.RegistryApiTest;
import cn.chenzhou.plan.registry.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Platform types are reference data: seeded once, read by all, extended by the plan office without a release. */
class PlatformTypeApiTest extends RegistryApiTest {

    @Test
    void theTypesTheSourceDocumentNamesAreThereForEveryoneToRead() {
        JsonNode page = http().get("/api/registry/platform-types?size=200", TestTokens.county(YONGXING)).json();
        List<String> codes = page.get("items").valueStream().map(t -> t.get("code").asString()).toList();

        assertThat(codes).contains("ENGINEERING_RESEARCH_CENTRE", "KEY_LABORATORY", "ENTERPRISE_TECHNOLOGY_CENTRE",
                "ACADEMICIAN_WORKSTATION", "PRODUCTIVITY_PROMOTION_CENTRE", "TECHNOLOGY_TRANSFER_CENTRE", "INCUBATOR");
        assertThat(http().get("/api/registry/platform-types/INCUBATOR", TestTokens.viewer()).json().get("name").asString())
                .isEqualTo("科技企业孵化器");
        assertThat(http().get("/api/registry/platform-types/NOPE", TestTokens.viewer()).status()).isEqualTo(404);
    }

    @Test
    void seedingAgainAddsNothingAndKeepsWhatThePlanOfficeRenamed() {
        long before = mongo.getCollection("platform_types").countDocuments();
        assertThat(http().put("/api/registry/platform-types/TECHNOLOGY_CONSULTING_CENTRE", TestTokens.admin(), """
                {"name":"科技咨询中心","englishName":"S&T consulting centre"}""").status()).isEqualTo(200);

        new PlatformTypeCatalogue(mongo, tools.jackson.databind.json.JsonMapper.builder().build());

        assertThat(mongo.getCollection("platform_types").countDocuments()).isEqualTo(before);
        assertThat(http().get("/api/registry/platform-types/TECHNOLOGY_CONSULTING_CENTRE", TestTokens.admin()).json()
                .get("name").asString()).isEqualTo("科技咨询中心");
    }

    @Test
    void thePlanOfficeAddsATypeAndCountiesRegisterPlatformsOfIt() {
        String code = "DEMO_TYPE_" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String type = """
                {"code":"%s","name":"星创天地","englishName":"maker space for agriculture"}""".formatted(code);

        assertThat(http().post("/api/registry/platform-types", TestTokens.county(YONGXING), type).status()).isEqualTo(403);
        Http.Response added = http().post("/api/registry/platform-types", TestTokens.admin(), type);
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.header("Location")).isEqualTo("/api/registry/platform-types/" + code);

        Http.Response again = http().post("/api/registry/platform-types", TestTokens.admin(), type);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("existingId").asString()).isEqualTo(code);

        Http.Response platform = http().post("/api/registry/platforms", TestTokens.county(YONGXING), """
                {"county":"431023","name":"永兴星创天地","type":"%s","level":"MUNICIPAL",
                 "host":{"name":"永兴某农业公司","creditCode":"%s"},"registeredOn":"2013-06-15"}"""
                .formatted(code, TestData.creditCode(YONGXING)));
        assertThat(platform.status()).as(platform.toString()).isEqualTo(201);
        assertThat(platform.json().get("type").asString()).isEqualTo(code);
    }

    @Test
    void onlyThePlanOfficeRenamesAndAnUnknownTypeCannotBeRenamed() {
        String body = """
                {"name":"孵化器","englishName":"incubator"}""";
        assertThat(http().put("/api/registry/platform-types/INCUBATOR", TestTokens.viewer(), body).status()).isEqualTo(403);
        assertThat(http().put("/api/registry/platform-types/NO_SUCH_TYPE", TestTokens.admin(), body).status()).isEqualTo(404);
    }
}
