package cn.chenzhou.plan.registry.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.registry.RegistryApiTest;
import cn.chenzhou.plan.registry.TestData;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Enterprises and their R&D institutions through the API (T7). */
class EnterpriseApiTest extends RegistryApiTest {

    static String enterprise(String county, String code, boolean larger) {
        return """
                {"county":"%s","name":"桂阳某有色金属有限公司","creditCode":"%s","larger":%s,"registeredOn":"2012-05-01"}"""
                .formatted(county, code, larger);
    }

    @Test
    void aCountyRegistersALargerEnterpriseWhichEstablishesAndLaterClosesAnRdInstitution() {
        String code = TestData.creditCode("431021");
        try (EventProbe probe = probe()) {
            Http.Response registered = http().post("/api/registry/enterprises", TestTokens.county("431021"), enterprise("431021", code, true));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            String id = registered.json().get("id").asString();
            assertThat(id).isEqualTo("ent-" + code);

            Http.Response established = http().post("/api/registry/enterprises/" + id + "/rd-institutions", TestTokens.county("431021"), """
                    {"name":"桂阳某有色金属技术中心","kind":"RD_CENTRE","establishedOn":"2012-08-01"}""");
            assertThat(established.status()).as(established.toString()).isEqualTo(201);
            assertThat(established.json().get("rdInstitution").get("name").asString()).isEqualTo("桂阳某有色金属技术中心");

            Http.Response closed = http().post("/api/registry/enterprises/" + id + "/rd-institutions/closure", TestTokens.county("431021"), """
                    {"reason":"并入集团研究院","closedOn":"2013-04-01"}""");
            assertThat(closed.status()).isEqualTo(200);
            assertThat(closed.json().has("rdInstitution")).isFalse();
            assertThat(closed.json().get("rdInstitutions").get(0).get("closedOn").asString()).isEqualTo("2013-04-01");

            Http.Response reclassified = http().post("/api/registry/enterprises/" + id + "/reclassification", TestTokens.admin(), """
                    {"larger":false,"effectiveOn":"2013-06-01"}""");
            assertThat(reclassified.status()).isEqualTo(200);
            assertThat(reclassified.json().get("larger").asBoolean()).isFalse();

            List<ConsumerRecord<String, byte[]>> events = probe.awaitKeyed(id, 4, Duration.ofSeconds(20));
            assertThat(events).extracting(e -> type(e)).containsExactly(
                    "cn.chenzhou.plan.enterprise.registered.v1",
                    "cn.chenzhou.plan.enterprise.rd-institution-established.v1",
                    "cn.chenzhou.plan.enterprise.rd-institution-closed.v1",
                    "cn.chenzhou.plan.enterprise.reclassified.v1");
            assertThat(data(events.get(0)).get("larger").asBoolean()).isTrue();
            assertThat(data(events.get(1)).get("kind").asString()).isEqualTo("RD_CENTRE");
            assertThat(data(events.get(2)).get("reason").asString()).isEqualTo("并入集团研究院");
            assertThat(data(events.get(3)).get("effectiveOn").asString()).isEqualTo("2013-06-01");
            assertThat(data(events.get(3)).get("larger").asBoolean()).isFalse();
        }
    }

    @Test
    void anEnterpriseIsRegisteredOnceHoweverManyRaceToRegisterIt() throws Exception {
        String code = TestData.creditCode("431024");
        try (EventProbe probe = probe()) {
            List<Http.Response> responses = race(6, () -> http().post("/api/registry/enterprises", TestTokens.county("431024"),
                    enterprise("431024", code, true)));

            assertThat(responses).filteredOn(r -> r.status() == 201).as(responses.toString()).hasSize(1);
            assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(5).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(409);
                assertThat(r.json().get("existingId").asString()).isEqualTo("ent-" + code);
            });
            assertThat(probe.drain(Duration.ofSeconds(1))).extracting(e -> e.key()).containsExactly("ent-" + code);
        }
    }

    @Test
    void aSecondOpenInstitutionANoChangeReclassificationAndAnotherCountysWritesAreRefused() {
        String code = TestData.creditCode("431028");
        String id = http().post("/api/registry/enterprises", TestTokens.county("431028"), enterprise("431028", code, true))
                .json().get("id").asString();
        http().post("/api/registry/enterprises/" + id + "/rd-institutions", TestTokens.county("431028"), """
                {"name":"中心","kind":"ACHIEVEMENT_APPLICATION_SERVICE","establishedOn":"2012-08-01"}""");
        try (EventProbe probe = probe()) {
            assertThat(http().post("/api/registry/enterprises/" + id + "/rd-institutions", TestTokens.county("431028"), """
                    {"name":"第二中心","kind":"RD_CENTRE","establishedOn":"2012-09-01"}""").json().get("type").asString())
                    .endsWith(":rd-institution-open");
            assertThat(http().post("/api/registry/enterprises/" + id + "/reclassification", TestTokens.county("431028"), """
                    {"larger":true,"effectiveOn":"2013-01-01"}""").status()).isEqualTo(409);
            // another county's enterprise does not exist for its portal: the answer is a missing one's, word for word
            String reclassify = """
                    {"larger":false,"effectiveOn":"2013-01-01"}""";
            Http.Response otherCounty = http().post("/api/registry/enterprises/" + id + "/reclassification", TestTokens.county(BEIHU), reclassify);
            Http.Response missing = http().post("/api/registry/enterprises/ent-missing/reclassification", TestTokens.county(BEIHU), reclassify);
            assertThat(otherCounty.status()).isEqualTo(404);
            assertThat(problemOf(otherCounty).toString().replace(id, "ID"))
                    .isEqualTo(problemOf(missing).toString().replace("ent-missing", "ID"));
            for (String path : List.of("/rd-institutions", "/rd-institutions/closure")) {
                assertThat(http().post("/api/registry/enterprises/" + id + path, TestTokens.county(BEIHU), """
                        {"name":"中心","kind":"RD_CENTRE","establishedOn":"2012-08-01","reason":"r","closedOn":"2013-01-01"}""")
                        .status()).isIn(400, 404);
            }
            assertThat(http().post("/api/registry/enterprises", TestTokens.county(BEIHU),
                    enterprise("431028", TestData.creditCode("431028"), true)).status()).isEqualTo(403);
            assertThat(probe.drain(Duration.ofSeconds(1))).isEmpty();
        }
        assertThat(http().get("/api/registry/enterprises/" + id, TestTokens.county(BEIHU)).status()).isEqualTo(404);
    }

    /**
     * A county portal cannot register another county's enterprise (its credit code names its county), so the rightful
     * county is never locked out of its own enterprise by a registration it cannot see.
     */
    @Test
    void anEnterpriseIsRegisteredInTheCountyItsCreditCodeNames() {
        String yongxings = TestData.creditCode(YONGXING);
        try (EventProbe probe = probe()) {
            Http.Response byBeihu = http().post("/api/registry/enterprises", TestTokens.county(BEIHU), enterprise(BEIHU, yongxings, true));
            Http.Response byThePlanOffice = http().post("/api/registry/enterprises", TestTokens.admin(), enterprise(BEIHU, yongxings, true));
            for (Http.Response refused : List.of(byBeihu, byThePlanOffice)) {
                assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
                assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("creditCode");
            }
            assertThat(probe.drain(Duration.ofSeconds(1))).isEmpty();
        }
        assertThat(registered(yongxings)).isFalse();
        Http.Response rightful = http().post("/api/registry/enterprises", TestTokens.county(YONGXING), enterprise(YONGXING, yongxings, true));
        assertThat(rightful.status()).as(rightful.toString()).isEqualTo(201);
    }

    /** An organisation registered by the city (or outside Chenzhou) is placed in a county by the plan office only. */
    @Test
    void anEnterpriseWhoseCodeNoCountyIssuedIsRegisteredByThePlanOffice() {
        String citys = TestData.creditCode("431000");
        Http.Response byAPortal = http().post("/api/registry/enterprises", TestTokens.county(BEIHU), enterprise(BEIHU, citys, true));
        assertThat(byAPortal.status()).as(byAPortal.toString()).isEqualTo(400);
        assertThat(byAPortal.json().get("errors").get(0).get("field").asString()).isEqualTo("creditCode");
        Http.Response byThePlanOffice = http().post("/api/registry/enterprises", TestTokens.admin(), enterprise(BEIHU, citys, true));
        assertThat(byThePlanOffice.status()).as(byThePlanOffice.toString()).isEqualTo(201);
    }

    private boolean registered(String creditCode) {
        return mongo.getCollection("enterprises").countDocuments(new org.bson.Document("_id", "ent-" + creditCode)) > 0;
    }

    @Test
    void theListFiltersLargerEnterprisesWithAndWithoutAnOpenInstitution() {
        String county = "431027";
        String with = http().post("/api/registry/enterprises", TestTokens.county(county),
                enterprise(county, TestData.creditCode(county), true)).json().get("id").asString();
        http().post("/api/registry/enterprises/" + with + "/rd-institutions", TestTokens.county(county), """
                {"name":"中心","kind":"RD_CENTRE","establishedOn":"2012-08-01"}""");
        String without = http().post("/api/registry/enterprises", TestTokens.county(county),
                enterprise(county, TestData.creditCode(county), true)).json().get("id").asString();
        String smaller = http().post("/api/registry/enterprises", TestTokens.county(county),
                enterprise(county, TestData.creditCode(county), false)).json().get("id").asString();

        assertThat(ids(county, "larger=true&hasRdInstitution=true")).contains(with).doesNotContain(without, smaller);
        assertThat(ids(county, "larger=true&hasRdInstitution=false")).contains(without).doesNotContain(with, smaller);
        assertThat(ids(county, "larger=false")).contains(smaller).doesNotContain(with, without);
        assertThat(ids(county, "year=2012")).contains(with, without, smaller);
        assertThat(ids(county, "year=2013")).isEmpty();
    }

    private List<String> ids(String county, String query) {
        return http().get("/api/registry/enterprises?size=200&" + query, TestTokens.county(county)).json().get("items")
                .valueStream().map(e -> e.get("id").asString()).toList();
    }
}
