package cn.chenzhou.plan.registry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.CreditCode;
import cn.chenzhou.plan.registry.RegistryApiTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The optional demo dataset: never there unless the plan office asks, then loaded once, through the domain. */
class DemoDatasetApiTest extends RegistryApiTest {

    @Test
    void theDemoDatasetIsLoadedOnlyWhenThePlanOfficeAsksAndOnlyOnce() {
        assertThat(mongo.getCollection("designations").countDocuments(new Document("_id", "dsg-demo-zixing-sustainable-development-zone")))
                .as("not loaded unless asked").isZero();
        assertThat(http().post("/api/registry/demo-dataset", TestTokens.county(YONGXING), "").status()).isEqualTo(403);
        assertThat(http().post("/api/registry/demo-dataset", TestTokens.viewer(), "").status()).isEqualTo(403);

        try (EventProbe probe = probe()) {
            Http.Response first = http().post("/api/registry/demo-dataset", TestTokens.admin(), "");
            assertThat(first.status()).as(first.toString()).isEqualTo(200);
            assertThat(first.json().get("loaded").asInt()).isEqualTo(12);
            assertThat(first.json().get("alreadyPresent").asInt()).isZero();
            assertThat(first.json().get("note").asString()).contains("演示");

            // 7 designations (applied + granted each), 5 alliances (formed)
            List<ConsumerRecord<String, byte[]>> events = probe.await(19, Duration.ofSeconds(30));
            Map<String, Long> byType = events.stream().collect(Collectors.groupingBy(e -> type(e), Collectors.counting()));
            assertThat(byType).containsEntry("cn.chenzhou.plan.designation.applied.v1", 7L)
                    .containsEntry("cn.chenzhou.plan.designation.granted.v1", 7L)
                    .containsEntry("cn.chenzhou.plan.alliance.formed.v1", 5L);

            Http.Response second = http().post("/api/registry/demo-dataset", TestTokens.admin(), "");
            assertThat(second.json().get("loaded").asInt()).isZero();
            assertThat(second.json().get("alreadyPresent").asInt()).isEqualTo(12);
            assertThat(probe.drain(Duration.ofSeconds(1))).hasSize(19);
        }
    }

    @Test
    void theDemoDatasetHoldsWhatTheSourceDocumentNames() {
        http().post("/api/registry/demo-dataset", TestTokens.admin(), "");

        JsonNode zones = http().get("/api/registry/designations?kind=SUSTAINABLE_DEVELOPMENT_ZONE&county=431081&status=GRANTED&size=200",
                TestTokens.viewer()).json();
        assertThat(zones.get("items").valueStream().map(d -> d.get("holder").get("name").asString()))
                .contains("资兴国家可持续发展先进示范区");
        JsonNode parks = http().get("/api/registry/designations?kind=SCIENCE_PARK&level=NATIONAL&size=200", TestTokens.viewer()).json();
        assertThat(parks.get("items").valueStream().map(d -> d.get("holder").get("name").asString()))
                .contains("永兴国家稀贵金属再生利用产业化基地");
        JsonNode pilots = http().get("/api/registry/designations?kind=IP_PILOT_COUNTY&level=PROVINCIAL&size=200", TestTokens.viewer()).json();
        assertThat(pilots.get("items").valueStream().map(d -> d.get("county").asString()))
                .contains("431023", "431021", "431002", "431025");

        JsonNode alliances = http().get("/api/registry/alliances?size=200", TestTokens.viewer()).json();
        List<JsonNode> demo = alliances.get("items").valueStream().filter(a -> a.get("id").asString().startsWith("all-demo-")).toList();
        assertThat(demo).extracting(a -> a.get("field").asString()).containsExactlyInAnyOrder(
                "稀贵金属综合再生与精深加工", "铅冶炼及铅伴生物高效提取", "半导体照明工程", "矿冶固体废弃物资源化", "东江鱼");
        assertThat(demo).extracting(a -> a.get("county").asString()).containsOnly("431002", "431003", "431081", "431023")
                .contains("431002", "431003", "431081", "431023");
        assertThat(demo).allSatisfy(a -> a.get("members").valueStream().forEach(m -> {
            assertThat(m.get("organisation").get("name").asString()).startsWith("【演示】");
            assertThat(CreditCode.isValid(m.get("organisation").get("creditCode").asString())).isTrue();
        }));
    }
}
