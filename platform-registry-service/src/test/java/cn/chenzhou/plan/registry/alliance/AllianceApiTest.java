package cn.chenzhou.plan.registry.alliance;

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
import tools.jackson.databind.JsonNode;

/** Industry technology innovation alliances through the API: formed by a county, joined by more members. */
class AllianceApiTest extends RegistryApiTest {

    static String alliance(String county, String name, String leadCode) {
        return """
                {"county":"%s","name":"%s","field":"稀贵金属综合再生与精深加工","formedOn":"2012-09-18",
                 "members":[{"organisation":{"name":"永兴甲公司","creditCode":"%s"},"county":"%s"},
                            {"organisation":{"name":"某大学"}}]}""".formatted(county, name, leadCode, county);
    }

    private static String uniqueName() {
        return "测试产业技术创新联盟" + System.nanoTime();
    }

    @Test
    void aCountyRegistersAnAllianceWithItsFoundersAndAnotherOrganisationJoinsLater() {
        String lead = TestData.creditCode(YONGXING);
        String joiner = TestData.creditCode(BEIHU);
        try (EventProbe probe = probe()) {
            Http.Response formed = http().post("/api/registry/alliances", TestTokens.county(YONGXING), alliance(YONGXING, uniqueName(), lead));
            assertThat(formed.status()).as(formed.toString()).isEqualTo(201);
            String id = formed.json().get("id").asString();
            assertThat(formed.json().get("memberCount").asInt()).isEqualTo(2);

            Http.Response joined = http().post("/api/registry/alliances/" + id + "/members", TestTokens.county(YONGXING), """
                    {"organisation":{"name":"北湖乙公司","creditCode":"%s"},"county":"%s","joinedOn":"2013-01-10"}"""
                    .formatted(joiner, BEIHU));
            assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
            assertThat(joined.json().get("memberCount").asInt()).isEqualTo(3);
            JsonNode newest = joined.json().get("members").get(2);
            assertThat(newest.get("founding").asBoolean()).isFalse();
            assertThat(newest.get("county").asString()).isEqualTo(BEIHU);

            List<ConsumerRecord<String, byte[]>> events = probe.awaitKeyed(id, 2, Duration.ofSeconds(20));
            assertThat(events).extracting(e -> type(e)).containsExactly(
                    "cn.chenzhou.plan.alliance.formed.v1", "cn.chenzhou.plan.alliance.member-joined.v1");
            assertThat(data(events.get(0)).get("memberCount").asInt()).isEqualTo(2);
            assertThat(data(events.get(0)).get("formedOn").asString()).isEqualTo("2012-09-18");
            assertThat(data(events.get(1)).get("memberCreditCode").asString()).isEqualTo(joiner);
            assertThat(data(events.get(1)).get("memberCounty").asString()).isEqualTo(BEIHU);
            assertThat(data(events.get(1)).get("joinedOn").asString()).isEqualTo("2013-01-10");
        }
    }

    @Test
    void aMemberJoinsOnceAndOnlyTheAlliancesCountyOrThePlanOfficeAddsMembers() {
        String lead = TestData.creditCode(YONGXING);
        String id = http().post("/api/registry/alliances", TestTokens.county(YONGXING), alliance(YONGXING, uniqueName(), lead))
                .json().get("id").asString();
        try (EventProbe probe = probe()) {
            Http.Response again = http().post("/api/registry/alliances/" + id + "/members", TestTokens.admin(), """
                    {"organisation":{"name":"永兴甲公司（更名后）","creditCode":"%s"},"county":"%s","joinedOn":"2013-01-10"}"""
                    .formatted(lead, YONGXING));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("type").asString()).endsWith(":already-a-member");

            // another county's alliance does not exist for its portal: the answer is a missing alliance's, word for word
            String join = """
                    {"organisation":{"name":"北湖丙公司"},"joinedOn":"2013-01-10"}""";
            Http.Response otherCounty = http().post("/api/registry/alliances/" + id + "/members", TestTokens.county(BEIHU), join);
            Http.Response missing = http().post("/api/registry/alliances/all-missing/members", TestTokens.county(BEIHU), join);
            assertThat(otherCounty.status()).isEqualTo(404);
            assertThat(problemOf(otherCounty).toString().replace(id, "ID"))
                    .isEqualTo(problemOf(missing).toString().replace("all-missing", "ID"));
            assertThat(http().post("/api/registry/alliances/" + id + "/members", TestTokens.viewer(), """
                    {"organisation":{"name":"丁"},"joinedOn":"2013-01-10"}""").status()).isEqualTo(403);
            assertThat(probe.drain(Duration.ofSeconds(1))).isEmpty();
        }
        assertThat(http().get("/api/registry/alliances/" + id, TestTokens.county(BEIHU)).status()).isEqualTo(404);
        assertThat(http().get("/api/registry/alliances/" + id, TestTokens.viewer()).json().get("memberCount").asInt()).isEqualTo(2);
    }

    @Test
    void anAllianceOfTheSameNameIsRefusedNamingTheExistingOneEvenWhenRacing() throws Exception {
        String name = uniqueName();
        String body = alliance(ZIXING, name, TestData.creditCode(ZIXING));
        try (EventProbe probe = probe()) {
            List<Http.Response> responses = race(6, () -> http().post("/api/registry/alliances", TestTokens.county(ZIXING), body));

            List<Http.Response> created = responses.stream().filter(r -> r.status() == 201).toList();
            assertThat(created).as(responses.toString()).hasSize(1);
            String winner = created.get(0).json().get("id").asString();
            assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(5)
                    .allSatisfy(r -> assertThat(r.json().get("existingId").asString()).isEqualTo(winner));
            assertThat(probe.drain(Duration.ofSeconds(1))).extracting(e -> e.key()).containsExactly(winner);
        }
        Http.Response spaced = http().post("/api/registry/alliances", TestTokens.admin(),
                alliance(ZIXING, " " + name + " ", TestData.creditCode(ZIXING)));
        assertThat(spaced.status()).isEqualTo(409);
    }

    /** A county cannot learn from a refusal that another county has an alliance of that name: it registers its own. */
    @Test
    void anAllianceOfTheSameNameInAnotherCountyIsItsOwn() {
        String name = uniqueName();
        Http.Response first = http().post("/api/registry/alliances", TestTokens.county(ZIXING), alliance(ZIXING, name, TestData.creditCode(ZIXING)));
        Http.Response second = http().post("/api/registry/alliances", TestTokens.county(BEIHU), alliance(BEIHU, name, TestData.creditCode(BEIHU)));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.json().has("existingId")).isFalse();
    }

    /** A member is of the county its credit code was issued in; one from outside Chenzhou names no county. */
    @Test
    void aMembersCountyIsTheOneItsCreditCodeNames() {
        String id = http().post("/api/registry/alliances", TestTokens.county(YONGXING), alliance(YONGXING, uniqueName(),
                TestData.creditCode(YONGXING))).json().get("id").asString();
        try (EventProbe probe = probe()) {
            Http.Response wrongCounty = http().post("/api/registry/alliances/" + id + "/members", TestTokens.county(YONGXING), """
                    {"organisation":{"name":"北湖某公司","creditCode":"%s"},"county":"%s","joinedOn":"2013-01-10"}"""
                    .formatted(TestData.creditCode(BEIHU), YONGXING));
            Http.Response noCounty = http().post("/api/registry/alliances/" + id + "/members", TestTokens.county(YONGXING), """
                    {"organisation":{"name":"北湖某公司","creditCode":"%s"},"joinedOn":"2013-01-10"}""".formatted(TestData.creditCode(BEIHU)));
            for (Http.Response refused : List.of(wrongCounty, noCounty)) {
                assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
                assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("organisation.creditCode");
            }
            Http.Response formedWrongly = http().post("/api/registry/alliances", TestTokens.county(YONGXING), """
                    {"county":"%s","name":"%s","field":"f","formedOn":"2012-09-18",
                     "members":[{"organisation":{"name":"北湖某公司","creditCode":"%s"},"county":"%s"}]}"""
                    .formatted(YONGXING, uniqueName(), TestData.creditCode(BEIHU), YONGXING));
            assertThat(formedWrongly.status()).as(formedWrongly.toString()).isEqualTo(400);
            assertThat(formedWrongly.json().get("errors").get(0).get("field").asString()).isEqualTo("members[0].organisation.creditCode");
            assertThat(probe.drain(Duration.ofSeconds(1))).isEmpty();
        }
        Http.Response fromBeihu = http().post("/api/registry/alliances/" + id + "/members", TestTokens.county(YONGXING), """
                {"organisation":{"name":"北湖某公司","creditCode":"%s"},"county":"%s","joinedOn":"2013-01-10"}"""
                .formatted(TestData.creditCode(BEIHU), BEIHU));
        assertThat(fromBeihu.status()).as(fromBeihu.toString()).isEqualTo(201);
    }

    @Test
    void racingJoinsOfDifferentOrganisationsAreAllKept() throws Exception {
        String id = http().post("/api/registry/alliances", TestTokens.admin(), alliance(SUXIAN, uniqueName(), TestData.creditCode(SUXIAN)))
                .json().get("id").asString();
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        List<Http.Response> responses = race(3, () -> http().post("/api/registry/alliances/" + id + "/members", TestTokens.admin(), """
                {"organisation":{"name":"成员%d","creditCode":"%s"},"county":"%s","joinedOn":"2013-02-01"}"""
                .formatted(n.incrementAndGet(), TestData.creditCode(SUXIAN), SUXIAN)));

        assertThat(responses).extracting(Http.Response::status).containsOnly(201);
        assertThat(http().get("/api/registry/alliances/" + id, TestTokens.admin()).json().get("memberCount").asInt()).isEqualTo(5);
    }

    @Test
    void theListIsConfinedToThePortalsCountyAndFiltersByYear() {
        String id = http().post("/api/registry/alliances", TestTokens.county("431022"), alliance("431022", uniqueName(),
                TestData.creditCode("431022"))).json().get("id").asString();

        assertThat(http().get("/api/registry/alliances?size=200", TestTokens.county("431022")).json().get("items"))
                .anySatisfy(a -> assertThat(a.get("id").asString()).isEqualTo(id))
                .allSatisfy(a -> assertThat(a.get("county").asString()).isEqualTo("431022"));
        assertThat(http().get("/api/registry/alliances?county=431022&year=2012&size=200", TestTokens.viewer()).json().get("items"))
                .anySatisfy(a -> assertThat(a.get("id").asString()).isEqualTo(id));
        assertThat(http().get("/api/registry/alliances?county=431022&year=2013", TestTokens.viewer()).json().get("total").asLong())
                .isZero();
    }
}
