package cn.chenzhou.plan.registry.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.registry.RegistryApiTest;
import cn.chenzhou.plan.registry.assessment.model.Assessment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** National S&T progress assessment results through the API (T1, T2): one per county and year, revised explicitly. */
class AssessmentApiTest extends RegistryApiTest {
    private static final AtomicInteger YEARS = new AtomicInteger(Assessment.FIRST_YEAR);

    /** A year no other test of this run has used, so tests sharing the database never collide. */
    private static int freshYear() {
        return YEARS.getAndIncrement();
    }

    static String assessment(String county, int year, String result) {
        return """
                {"county":"%s","year":%d,"result":"%s","documentNo":"国科发政〔%d〕1号","effectiveOn":"%d-03-01"}"""
                .formatted(county, year, result, year + 1, year + 1);
    }

    @Test
    void thePlanOfficeRecordsACountysResultAndCorrectsItByAnExplicitRevision() {
        int year = freshYear();
        try (EventProbe probe = probe()) {
            Http.Response recorded = http().post("/api/registry/assessments", TestTokens.admin(), assessment("431028", year, "PASSED"));
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
            String id = recorded.json().get("id").asString();
            assertThat(id).isEqualTo("asm-431028-" + year);
            assertThat(recorded.json().get("revision").asInt()).isEqualTo(1);

            Http.Response revised = http().post("/api/registry/assessments/" + id + "/revisions", TestTokens.admin(), """
                    {"revision":2,"result":"ADVANCED","documentNo":"国科发政〔%d〕2号","effectiveOn":"%d-04-01","reason":"先进名单补录"}"""
                    .formatted(year + 1, year + 1));
            assertThat(revised.status()).as(revised.toString()).isEqualTo(201);
            assertThat(revised.json().get("result").asString()).isEqualTo("ADVANCED");
            assertThat(revised.json().get("revision").asInt()).isEqualTo(2);
            assertThat(revised.json().get("previous").get(0).get("result").asString()).isEqualTo("PASSED");

            Http.Response stale = http().post("/api/registry/assessments/" + id + "/revisions", TestTokens.admin(), """
                    {"revision":2,"result":"FAILED","documentNo":"x","effectiveOn":"%d-05-01","reason":"r"}""".formatted(year + 1));
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.json().get("type").asString()).endsWith(":revision-mismatch");

            List<ConsumerRecord<String, byte[]>> events = probe.await(2, Duration.ofSeconds(20));
            assertThat(probe.drain(Duration.ofMillis(500))).hasSize(2);
            assertThat(events).extracting(e -> e.key()).containsOnly(id);
            assertThat(events).extracting(e -> type(e)).containsOnly("cn.chenzhou.plan.assessment.recorded.v1");
            assertThat(events).extracting(e -> EventProbe.header(e, "ce_sequence")).containsExactly("1", "2");
            assertThat(events).extracting(e -> data(e).get("result").asString()).containsExactly("PASSED", "ADVANCED");
            assertThat(data(events.get(1)).get("year").asInt()).isEqualTo(year);
        }
    }

    @Test
    void aSecondResultForTheSameCountyAndYearIsRefusedNamingTheFirstEvenWhenRacing() throws Exception {
        int year = freshYear();
        String body = assessment("431026", year, "PASSED");
        try (EventProbe probe = probe()) {
            List<Http.Response> responses = race(6, () -> http().post("/api/registry/assessments", TestTokens.admin(), body));

            assertThat(responses).filteredOn(r -> r.status() == 201).as(responses.toString()).hasSize(1);
            assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(5).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(409);
                assertThat(r.json().get("existingId").asString()).isEqualTo("asm-431026-" + year);
            });
            assertThat(probe.drain(Duration.ofSeconds(1))).hasSize(1);
        }
    }

    @Test
    void onlyThePlanOfficeRecordsAndACountyReadsItsOwnResultsOnly() {
        int year = freshYear();
        assertThat(http().post("/api/registry/assessments", TestTokens.county("431022"), assessment("431022", year, "PASSED")).status())
                .isEqualTo(403);
        assertThat(http().post("/api/registry/assessments", TestTokens.viewer(), assessment("431022", year, "PASSED")).status())
                .isEqualTo(403);
        String id = http().post("/api/registry/assessments", TestTokens.admin(), assessment("431022", year, "ADVANCED"))
                .json().get("id").asString();
        assertThat(http().post("/api/registry/assessments/" + id + "/revisions", TestTokens.county("431022"), """
                {"revision":2,"result":"PASSED","documentNo":"x","effectiveOn":"%d-05-01","reason":"r"}""".formatted(year + 1))
                .status()).isEqualTo(403);

        assertThat(http().get("/api/registry/assessments/" + id, TestTokens.county("431022")).status()).isEqualTo(200);
        assertThat(http().get("/api/registry/assessments/" + id, TestTokens.county(BEIHU)).status()).isEqualTo(404);
        assertThat(http().get("/api/registry/assessments?year=" + year, TestTokens.county("431022")).json().get("items"))
                .singleElement().satisfies(a -> assertThat(a.get("id").asString()).isEqualTo(id));
        assertThat(http().get("/api/registry/assessments?year=" + year, TestTokens.county(BEIHU)).json().get("total").asLong()).isZero();
        assertThat(http().get("/api/registry/assessments?year=" + year + "&result=ADVANCED", TestTokens.finance()).json().get("total")
                .asLong()).isEqualTo(1);
        assertThat(http().get("/api/registry/assessments?year=" + year + "&result=PASSED", TestTokens.finance()).json().get("total")
                .asLong()).isZero();
    }
}
