package cn.chenzhou.plan.registry.designation;

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

/** Designations through the API: a county applies, the plan office grants and revokes. */
class DesignationApiTest extends RegistryApiTest {

    static String highTechEnterprise(String county, String code) {
        return """
                {"county":"%s","kind":"HIGH_TECH_ENTERPRISE","level":"NATIONAL",
                 "holder":{"name":"北湖区某高新技术企业有限公司","creditCode":"%s"},"appliedOn":"2012-07-01"}"""
                .formatted(county, code);
    }

    static String grant(String on) {
        return """
                {"documentNo":"湘科高字〔2012〕5号","grantedOn":"%s"}""".formatted(on);
    }

    @Test
    void aCountyAppliesForAHighTechEnterpriseCertificationWhichThePlanOfficeGrantsAndRevokes() {
        String code = TestData.creditCode(BEIHU);
        try (EventProbe probe = probe()) {
            Http.Response applied = http().post("/api/registry/designations", TestTokens.county(BEIHU), highTechEnterprise(BEIHU, code));
            assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
            String id = applied.json().get("id").asString();
            assertThat(applied.json().get("status").asString()).isEqualTo("APPLIED");

            Http.Response granted = http().post("/api/registry/designations/" + id + "/grant", TestTokens.admin(), grant("2012-10-30"));
            assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
            assertThat(granted.json().get("status").asString()).isEqualTo("GRANTED");
            assertThat(granted.json().get("grant").get("grantedOn").asString()).isEqualTo("2012-10-30");

            Http.Response revoked = http().post("/api/registry/designations/" + id + "/revocation", TestTokens.admin(),
                    """
                    {"reason":"复审未通过","revokedOn":"2013-11-01"}""");
            assertThat(revoked.status()).isEqualTo(200);
            assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");

            List<ConsumerRecord<String, byte[]>> events = probe.awaitKeyed(id, 3, Duration.ofSeconds(20));
            assertThat(events).extracting(e -> type(e)).containsExactly(
                    "cn.chenzhou.plan.designation.applied.v1",
                    "cn.chenzhou.plan.designation.granted.v1",
                    "cn.chenzhou.plan.designation.revoked.v1");
            JsonNode grantedData = data(events.get(1));
            assertThat(grantedData.get("kind").asString()).isEqualTo("HIGH_TECH_ENTERPRISE");
            assertThat(grantedData.get("level").asString()).isEqualTo("NATIONAL");
            assertThat(grantedData.get("holderCreditCode").asString()).isEqualTo(code);
            assertThat(grantedData.get("documentNo").asString()).isEqualTo("湘科高字〔2012〕5号");
            assertThat(data(events.get(2)).get("kind").asString()).isEqualTo("HIGH_TECH_ENTERPRISE");
        }
    }

    @Test
    void thePlanOfficeRecordsADesignationAlreadyGrantedInOneStepButACountyMayNotGrant() {
        String body = """
                {"county":"431025","kind":"IP_PILOT_COUNTY","level":"PROVINCIAL","holder":{"name":"临武县（测试%s）"},
                 "appliedOn":"2011-03-01","grant":{"documentNo":"湘知发〔2011〕8号","grantedOn":"2011-06-30"}}"""
                .formatted(System.nanoTime());
        try (EventProbe probe = probe()) {
            assertThat(http().post("/api/registry/designations", TestTokens.county("431025"), body).status()).isEqualTo(403);

            Http.Response recorded = http().post("/api/registry/designations", TestTokens.admin(), body);
            assertThat(recorded.status()).isEqualTo(201);
            String id = recorded.json().get("id").asString();
            assertThat(recorded.json().get("status").asString()).isEqualTo("GRANTED");
            assertThat(recorded.json().get("holder").has("creditCode")).isFalse();

            List<ConsumerRecord<String, byte[]>> events = probe.await(2, Duration.ofSeconds(20));
            assertThat(events).extracting(e -> e.key()).containsOnly(id);
            assertThat(events).extracting(e -> type(e)).containsExactly(
                    "cn.chenzhou.plan.designation.applied.v1", "cn.chenzhou.plan.designation.granted.v1");
            assertThat(data(events.get(1)).hasNonNull("holderCreditCode")).isFalse();

            String applicationId = http().post("/api/registry/designations", TestTokens.county("431025"),
                    highTechEnterprise("431025", TestData.creditCode("431025"))).json().get("id").asString();
            assertThat(http().post("/api/registry/designations/" + applicationId + "/grant", TestTokens.county("431025"),
                    grant("2012-10-30")).status()).isEqualTo(403);
        }
    }

    @Test
    void theSameHolderKindAndLevelIsRefusedNamingTheExistingDesignationEvenWhenRacing() throws Exception {
        String code = TestData.creditCode(SUXIAN);
        String body = highTechEnterprise(SUXIAN, code);
        try (EventProbe probe = probe()) {
            List<Http.Response> responses = race(6, () -> http().post("/api/registry/designations", TestTokens.county(SUXIAN), body));

            List<Http.Response> created = responses.stream().filter(r -> r.status() == 201).toList();
            assertThat(created).as(responses.toString()).hasSize(1);
            String winner = created.get(0).json().get("id").asString();
            assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(5).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(409);
                assertThat(r.json().get("existingId").asString()).isEqualTo(winner);
                assertThat(r.json().get("resource").asString()).isEqualTo("designation");
            });
            assertThat(probe.drain(Duration.ofSeconds(1))).extracting(e -> e.key()).containsExactly(winner);
        }
        // at another level it is another designation
        assertThat(http().post("/api/registry/designations", TestTokens.county(SUXIAN),
                body.replace("NATIONAL", "PROVINCIAL")).status()).isEqualTo(201);
    }

    @Test
    void anApplicationNeverGrantedIsClosedByARevocationAndTheHolderMayApplyAgain() {
        String code = TestData.creditCode(BEIHU);
        String id = http().post("/api/registry/designations", TestTokens.county(BEIHU), highTechEnterprise(BEIHU, code))
                .json().get("id").asString();
        assertThat(http().post("/api/registry/designations/" + id + "/revocation", TestTokens.admin(), """
                {"reason":"不予认定","revokedOn":"2012-12-01"}""").json().get("status").asString()).isEqualTo("REVOKED");
        assertThat(http().post("/api/registry/designations/" + id + "/grant", TestTokens.admin(), grant("2012-12-02"))
                .json().get("type").asString()).endsWith(":designation-revoked");
        assertThat(http().post("/api/registry/designations", TestTokens.county(BEIHU), highTechEnterprise(BEIHU, code)).status())
                .isEqualTo(201);
    }

    @Test
    void aCountyPortalSeesItsOwnCountysDesignationsAndTheListFiltersByKindLevelStatusAndYear() {
        String code = TestData.creditCode("431026");
        String id = http().post("/api/registry/designations", TestTokens.county("431026"), highTechEnterprise("431026", code))
                .json().get("id").asString();
        http().post("/api/registry/designations/" + id + "/grant", TestTokens.admin(), grant("2013-02-01"));

        assertThat(http().get("/api/registry/designations/" + id, TestTokens.county("431026")).status()).isEqualTo(200);
        assertThat(http().get("/api/registry/designations/" + id, TestTokens.county(BEIHU)).status()).isEqualTo(404);
        assertThat(ids("holderCreditCode=" + code + "&kind=HIGH_TECH_ENTERPRISE&level=NATIONAL&status=GRANTED&year=2013"))
                .containsExactly(id);
        assertThat(ids("holderCreditCode=" + code + "&status=APPLIED")).isEmpty();
        assertThat(ids("holderCreditCode=" + code + "&year=2012")).isEmpty();
        assertThat(http().get("/api/registry/designations?size=200", TestTokens.county("431026")).json().get("items"))
                .allSatisfy(d -> assertThat(d.get("county").asString()).isEqualTo("431026"));
    }

    private List<String> ids(String query) {
        return http().get("/api/registry/designations?" + query, TestTokens.viewer()).json().get("items").valueStream()
                .map(d -> d.get("id").asString()).toList();
    }
}
