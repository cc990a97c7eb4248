package cn.chenzhou.plan.registry.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.registry.RegistryApiTest;
import cn.chenzhou.plan.registry.TestData;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Platforms through the API: registration by a county, accreditation and revocation by the plan office. */
class PlatformApiTest extends RegistryApiTest {

    static String platform(String county, String hostCode, String type, String level) {
        return """
                {"county":"%s","name":"湖南省稀贵金属再生利用工程技术研究中心","type":"%s","level":"%s",
                 "host":{"name":"永兴县稀贵金属再生利用有限公司","creditCode":"%s"},"registeredOn":"2012-06-15"}"""
                .formatted(county, type, level, hostCode);
    }

    static String accreditation(String level, String on) {
        return """
                {"level":"%s","accreditingBody":"湖南省科学技术厅","documentNo":"湘科计字〔2013〕12号","accreditedOn":"%s"}"""
                .formatted(level, on);
    }

    static String revocation(String on) {
        return """
                {"reason":"年度考核不合格","revokedOn":"%s"}""".formatted(on);
    }

    private String register(String county, String code, String level) {
        Http.Response created = http().post("/api/registry/platforms", TestTokens.county(county),
                platform(county, code, "ENGINEERING_RESEARCH_CENTRE", level));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void aCountyRegistersAPlatformWhichThePlanOfficeAccreditsAndLaterRevokes() {
        String code = TestData.creditCode(YONGXING);
        try (EventProbe probe = probe()) {
            Http.Response created = http().post("/api/registry/platforms", TestTokens.county(YONGXING),
                    platform(YONGXING, code, "ENGINEERING_RESEARCH_CENTRE", "PROVINCIAL"));
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("id").asString();
            assertThat(created.header("Location")).isEqualTo("/api/registry/platforms/" + id);
            assertThat(created.json().get("status").asString()).isEqualTo("REGISTERED");
            assertThat(created.json().get("host").get("creditCode").asString()).isEqualTo(code);
            assertThat(created.json().get("countyName").asString()).isEqualTo("永兴县");

            Http.Response accredited = http().post("/api/registry/platforms/" + id + "/accreditation", TestTokens.admin(),
                    accreditation("PROVINCIAL", "2013-03-01"));
            assertThat(accredited.status()).as(accredited.toString()).isEqualTo(200);
            assertThat(accredited.json().get("status").asString()).isEqualTo("ACCREDITED");
            assertThat(accredited.json().get("statusSince").asString()).isEqualTo("2013-03-01");
            assertThat(accredited.json().get("version").asLong()).isEqualTo(2);

            Http.Response revoked = http().post("/api/registry/platforms/" + id + "/revocation", TestTokens.admin(),
                    revocation("2013-09-30"));
            assertThat(revoked.status()).isEqualTo(200);
            assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
            assertThat(revoked.json().get("revocation").get("reason").asString()).isEqualTo("年度考核不合格");

            List<ConsumerRecord<String, byte[]>> events = probe.awaitKeyed(id, 3, Duration.ofSeconds(20));
            assertThat(events).extracting(e -> type(e)).containsExactly(
                    "cn.chenzhou.plan.platform.registered.v1",
                    "cn.chenzhou.plan.platform.accredited.v1",
                    "cn.chenzhou.plan.platform.revoked.v1");
            assertThat(events).extracting(e -> EventProbe.header(e, "ce_actor"))
                    .containsExactly("county-" + YONGXING, "plan-office", "plan-office");
            JsonNode registeredData = data(events.get(0));
            assertThat(registeredData.get("hostCreditCode").asString()).isEqualTo(code);
            assertThat(registeredData.get("registeredOn").asString()).isEqualTo("2012-06-15");
            assertThat(data(events.get(1)).get("level").asString()).isEqualTo("PROVINCIAL");
            assertThat(data(events.get(1)).get("type").asString()).isEqualTo("ENGINEERING_RESEARCH_CENTRE");
            assertThat(data(events.get(2)).get("revokedOn").asString()).isEqualTo("2013-09-30");
        }
    }

    @Test
    void aLaterAccreditationAtAnotherLevelIsPublishedWithTheLevelAtWhichItNowCounts() {
        String id = register(YONGXING, TestData.creditCode(YONGXING), "MUNICIPAL");
        assertThat(http().post("/api/registry/platforms/" + id + "/accreditation", TestTokens.admin(),
                accreditation("MUNICIPAL", "2012-09-01")).status()).isEqualTo(200);
        try (EventProbe probe = probe()) {
            Http.Response upgraded = http().post("/api/registry/platforms/" + id + "/accreditation", TestTokens.admin(),
                    accreditation("PROVINCIAL", "2013-05-01"));
            assertThat(upgraded.status()).isEqualTo(200);
            assertThat(upgraded.json().get("level").asString()).isEqualTo("PROVINCIAL");
            assertThat(upgraded.json().get("accreditations")).hasSize(2);

            List<ConsumerRecord<String, byte[]>> events = probe.await(1, Duration.ofSeconds(20));
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(data(e).get("level").asString()).isEqualTo("PROVINCIAL");
                assertThat(data(e).get("accreditedOn").asString()).isEqualTo("2013-05-01");
                assertThat(EventProbe.header(e, "ce_sequence")).isEqualTo("3");
            });

            Http.Response again = http().post("/api/registry/platforms/" + id + "/accreditation", TestTokens.admin(),
                    accreditation("PROVINCIAL", "2013-06-01"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("type").asString()).endsWith(":already-accredited");
            assertThat(probe.drain(Duration.ofMillis(500))).hasSize(1);
        }
    }

    @Test
    void aSecondRegistrationOfTheSameHostTypeAndLevelIsRefusedNamingTheExistingPlatform() {
        String code = TestData.creditCode(YONGXING);
        String id = register(YONGXING, code, "PROVINCIAL");
        try (EventProbe probe = probe()) {
            Http.Response duplicate = http().post("/api/registry/platforms", TestTokens.admin(),
                    platform(YONGXING, code, "ENGINEERING_RESEARCH_CENTRE", "PROVINCIAL"));

            assertThat(duplicate.status()).isEqualTo(409);
            assertThat(duplicate.contentType()).startsWith("application/problem+json");
            assertThat(duplicate.json().get("type").asString()).endsWith(":duplicate-registration");
            assertThat(duplicate.json().get("existingId").asString()).isEqualTo(id);
            assertThat(duplicate.json().get("detail").asString()).contains(id);
            assertThat(mongo.getCollection("platforms").countDocuments(
                    new Document("state.host.creditCode", code))).isEqualTo(1);

            // another level or another type is another platform
            assertThat(http().post("/api/registry/platforms", TestTokens.admin(),
                    platform(YONGXING, code, "ENGINEERING_RESEARCH_CENTRE", "NATIONAL")).status()).isEqualTo(201);
            assertThat(http().post("/api/registry/platforms", TestTokens.admin(),
                    platform(YONGXING, code, "KEY_LABORATORY", "PROVINCIAL")).status()).isEqualTo(201);
            assertThat(probe.drain(Duration.ofSeconds(1))).extracting(e -> type(e))
                    .containsOnly("cn.chenzhou.plan.platform.registered.v1").hasSize(2);
        }
    }

    @Test
    void ofEightRacingRegistrationsOfTheSamePlatformExactlyOneSucceedsAndTheOthersNameIt() throws Exception {
        String code = TestData.creditCode(BEIHU);
        String body = platform(BEIHU, code, "INCUBATOR", "MUNICIPAL");
        try (EventProbe probe = probe()) {
            List<Http.Response> responses = race(8, () -> http().post("/api/registry/platforms", TestTokens.county(BEIHU), body));

            List<Http.Response> created = responses.stream().filter(r -> r.status() == 201).toList();
            assertThat(created).as(responses.toString()).hasSize(1);
            String winner = created.get(0).json().get("id").asString();
            assertThat(responses.stream().filter(r -> r.status() != 201))
                    .hasSize(7)
                    .allSatisfy(r -> {
                        assertThat(r.status()).isEqualTo(409);
                        assertThat(r.json().get("existingId").asString()).isEqualTo(winner);
                    });
            assertThat(mongo.getCollection("platforms").countDocuments(new Document("state.host.creditCode", code))).isEqualTo(1);
            assertThat(probe.drain(Duration.ofSeconds(1))).extracting(e -> e.key()).containsExactly(winner);
        }
    }

    @Test
    void anAccreditationThatWouldMakeItADuplicateOfAnotherPlatformIsRefusedNamingIt() {
        String code = TestData.creditCode(SUXIAN);
        String provincial = register(SUXIAN, code, "PROVINCIAL");
        String municipal = register(SUXIAN, code, "MUNICIPAL");

        Http.Response upgrade = http().post("/api/registry/platforms/" + municipal + "/accreditation", TestTokens.admin(),
                accreditation("PROVINCIAL", "2013-01-01"));

        assertThat(upgrade.status()).isEqualTo(409);
        assertThat(upgrade.json().get("existingId").asString()).isEqualTo(provincial);
        assertThat(http().get("/api/registry/platforms/" + municipal, TestTokens.admin()).json().get("status").asString())
                .isEqualTo("REGISTERED");
    }

    @Test
    void aRevokedPlatformIsNotAccreditedAgainButItsHostMayRegisterItAnew() {
        String code = TestData.creditCode(ZIXING);
        String first = register(ZIXING, code, "MUNICIPAL");
        assertThat(http().post("/api/registry/platforms/" + first + "/revocation", TestTokens.admin(),
                revocation("2012-07-01")).status()).isEqualTo(200);

        Http.Response reaccredit = http().post("/api/registry/platforms/" + first + "/accreditation", TestTokens.admin(),
                accreditation("MUNICIPAL", "2012-08-01"));
        assertThat(reaccredit.status()).isEqualTo(409);
        assertThat(reaccredit.json().get("type").asString()).endsWith(":platform-revoked");

        String second = register(ZIXING, code, "MUNICIPAL");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aCountyPortalRegistersAndReadsOnlyItsOwnCountyAndNeverAccredits() {
        String id = register(YONGXING, TestData.creditCode(YONGXING), "MUNICIPAL");

        assertThat(http().post("/api/registry/platforms", TestTokens.county(BEIHU),
                platform(YONGXING, TestData.creditCode(YONGXING), "INCUBATOR", "MUNICIPAL")).status()).isEqualTo(403);
        assertThat(http().post("/api/registry/platforms/" + id + "/accreditation", TestTokens.county(YONGXING),
                accreditation("MUNICIPAL", "2013-01-01")).status()).isEqualTo(403);
        assertThat(http().post("/api/registry/platforms/" + id + "/revocation", TestTokens.county(YONGXING),
                revocation("2013-01-01")).status()).isEqualTo(403);

        assertThat(http().get("/api/registry/platforms/" + id, TestTokens.county(YONGXING)).status()).isEqualTo(200);
        assertThat(http().get("/api/registry/platforms/" + id, TestTokens.county(BEIHU)).status()).isEqualTo(404);
        assertThat(http().get("/api/registry/platforms/" + id, TestTokens.viewer()).status()).isEqualTo(200);
        assertThat(http().get("/api/registry/platforms/" + id, TestTokens.finance()).status()).isEqualTo(200);

        JsonNode ownList = http().get("/api/registry/platforms?size=200", TestTokens.county(BEIHU)).json();
        assertThat(ownList.get("items")).allSatisfy(p -> assertThat(p.get("county").asString()).isEqualTo(BEIHU));
        assertThat(http().get("/api/registry/platforms?county=" + YONGXING, TestTokens.county(BEIHU)).status()).isEqualTo(403);
    }

    @Test
    void viewersAndTheFinanceSectionReadButNeverWrite() {
        String body = platform(YONGXING, TestData.creditCode(YONGXING), "INCUBATOR", "MUNICIPAL");
        assertThat(http().post("/api/registry/platforms", TestTokens.viewer(), body).status()).isEqualTo(403);
        assertThat(http().post("/api/registry/platforms", TestTokens.finance(), body).status()).isEqualTo(403);
    }

    @Test
    void theListFiltersByCountyTypeLevelStatusYearAndHostAndPages() {
        String code = TestData.creditCode("431027");
        String lab = register("431027", code, "MUNICIPAL");
        Http.Response incubator = http().post("/api/registry/platforms", TestTokens.admin(),
                platform("431027", code, "INCUBATOR", "PROVINCIAL"));
        String incubatorId = incubator.json().get("id").asString();
        http().post("/api/registry/platforms/" + incubatorId + "/accreditation", TestTokens.admin(),
                accreditation("PROVINCIAL", "2013-04-01"));

        JsonNode byHost = http().get("/api/registry/platforms?hostCreditCode=" + code, TestTokens.viewer()).json();
        assertThat(byHost.get("total").asLong()).isEqualTo(2);
        assertThat(list("county=431027&hostCreditCode=" + code + "&type=INCUBATOR")).containsExactly(incubatorId);
        assertThat(list("hostCreditCode=" + code + "&level=MUNICIPAL")).containsExactly(lab);
        assertThat(list("hostCreditCode=" + code + "&status=ACCREDITED")).containsExactly(incubatorId);
        assertThat(list("hostCreditCode=" + code + "&status=ACCREDITED&year=2013")).containsExactly(incubatorId);
        assertThat(list("hostCreditCode=" + code + "&status=ACCREDITED&year=2012")).isEmpty();
        assertThat(list("hostCreditCode=" + code + "&year=2012")).containsExactly(lab);

        JsonNode firstPage = http().get("/api/registry/platforms?hostCreditCode=" + code + "&size=1", TestTokens.admin()).json();
        JsonNode secondPage = http().get("/api/registry/platforms?hostCreditCode=" + code + "&size=1&page=1", TestTokens.admin()).json();
        assertThat(firstPage.get("items")).hasSize(1);
        assertThat(firstPage.get("total").asLong()).isEqualTo(2);
        assertThat(secondPage.get("page").asInt()).isEqualTo(1);
        assertThat(secondPage.get("items").get(0).get("id").asString())
                .isNotEqualTo(firstPage.get("items").get(0).get("id").asString());
    }

    @Test
    void anUnknownPlatformTypeIsRefusedNamingTheFieldAndAnUnknownPlatformIsNotFound() {
        Http.Response unknownType = http().post("/api/registry/platforms", TestTokens.admin(),
                platform(YONGXING, TestData.creditCode(YONGXING), "SPACE_STATION", "MUNICIPAL"));
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.json().get("errors").get(0).get("field").asString()).isEqualTo("type");

        Http.Response missing = http().post("/api/registry/platforms/plt-nope/accreditation", TestTokens.admin(),
                accreditation("MUNICIPAL", "2013-01-01"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    private List<String> list(String query) {
        return http().get("/api/registry/platforms?" + query, TestTokens.admin()).json().get("items").valueStream()
                .map(p -> p.get("id").asString()).toList();
    }
}
