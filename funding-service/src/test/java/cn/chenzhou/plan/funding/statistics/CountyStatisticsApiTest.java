package cn.chenzhou.plan.funding.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.funding.FundingApiTest;
import cn.chenzhou.plan.chassis.testing.Outboxes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** County S&T investment statistics (T9, T10, F3): filed by the county, revised with a reason, never overwritten. */
class CountyStatisticsApiTest extends FundingApiTest {
    private static final String STATISTICS = "/api/funding/county-statistics";
    private static final String JIAHE = "431024";

    private static String filing(String county, int year, String fiscalSt) {
        return """
                {"county":"%s","year":%d,"fiscalExpenditure":"1000000000.00","fiscalStExpenditure":"%s",
                 "recurringRevenue":"600000000.00","enterpriseRd":"71000000.00","societyRd":"100000000.00",
                 "filedOn":"%d-02-01"}""".formatted(county, year, fiscalSt, year + 1);
    }

    private static String revision(int supersedes, String fiscalSt, String reason) {
        return """
                {"supersedesRevision":%d,"fiscalExpenditure":"1000000000.00","fiscalStExpenditure":"%s",
                 "recurringRevenue":"600000000.00","enterpriseRd":"71000000.00","societyRd":"100000000.00",
                 "filedOn":"2014-04-01","reason":"%s"}""".formatted(supersedes, fiscalSt, reason);
    }

    @Test
    void aCountyFilesItsFiguresThenRevisesThemWithAReasonAndEveryRevisionIsKept() {
        String jiahe = TestTokens.county(JIAHE);
        Outboxes.awaitEmpty(mongo);
        try (EventProbe probe = new EventProbe(Topics.FUNDING)) {
            Http.Response filed = http().post(STATISTICS, jiahe, filing(JIAHE, 2013, "12000000.00"));
            assertThat(filed.status()).as(filed.body()).isEqualTo(201);
            assertThat(filed.json().get("revision").asInt()).isEqualTo(1);
            assertThat(filed.json().get("fiscalStShare").decimalValue()).isEqualByComparingTo("1.2");
            assertThat(filed.json().get("enterpriseRdShare").decimalValue()).isEqualByComparingTo("71");

            assertThat(http().post(STATISTICS, jiahe, filing(JIAHE, 2013, "12000000.00")).status()).isEqualTo(200);
            Http.Response second = http().post(STATISTICS, jiahe, filing(JIAHE, 2013, "13500000.00"));
            assertThat(second.status()).isEqualTo(409);
            assertThat(second.json().get("type").asString()).endsWith(":already-filed");

            Http.Response revised = http().post(STATISTICS + "/" + JIAHE + "/2013/revisions", jiahe,
                    revision(1, "13500000.00", "统计局核定数"));
            assertThat(revised.status()).as(revised.body()).isEqualTo(201);
            assertThat(revised.json().get("revision").asInt()).isEqualTo(2);

            Http.Response stale = http().post(STATISTICS + "/" + JIAHE + "/2013/revisions", jiahe,
                    revision(1, "14000000.00", "又一版"));
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.json().get("currentRevision").asInt()).isEqualTo(2);

            List<ConsumerRecord<String, byte[]>> events = probe.awaitKeyed(JIAHE + "-2013", 2, Duration.ofSeconds(20));
            assertThat(events).extracting(Outboxes::type).containsOnly("cn.chenzhou.plan.county-statistics.filed.v1");
            assertThat(Outboxes.data(events.get(0))).contains("\"revision\":1", "\"statisticsId\":\"431024-2013\"",
                    "\"fiscalStExpenditureFen\":1200000000");
            assertThat(Outboxes.data(events.get(1))).contains("\"revision\":2", "\"reason\":\"统计局核定数\"",
                    "\"fiscalStExpenditureFen\":1350000000");
            assertThat(Outboxes.about(probe.drain(Duration.ofMillis(800)), JIAHE + "-2013")).hasSize(2);
        }
        JsonNode history = http().get(STATISTICS + "/" + JIAHE + "/2013", TestTokens.viewer()).json();
        assertThat(history.get("current").get("revision").asInt()).isEqualTo(2);
        assertThat(history.get("revisions").findValuesAsString("fiscalStExpenditure"))
                .containsExactly("12000000.00", "13500000.00");
        assertThat(history.get("revisions").get(1).get("recordedBy").asString()).isEqualTo("county-431024");
    }

    /** A refusal as a client reads it, less what names the request (its id, its path); keys sorted. */
    private static String problemShape(Http.Response response) {
        ObjectNode problem = (ObjectNode) response.json();
        problem.remove("requestId");
        problem.remove("traceId");
        problem.remove("instance");
        return new TreeMap<>(problem.propertyStream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString())))
                .toString();
    }

    @Test
    void aCountyFilesAndReadsOnlyItsOwnStatistics() {
        assertThat(http().post(STATISTICS, TestTokens.county("431027"), filing("431027", 2012, "9000000.00")).status())
                .isEqualTo(201);
        assertThat(http().post(STATISTICS, TestTokens.county("431023"), filing("431027", 2013, "1.00")).status())
                .isEqualTo(403);
        assertThat(http().post(STATISTICS, TestTokens.finance(), filing("431027", 2013, "1.00")).status()).isEqualTo(403);
        // another county's statistics do not exist for a portal: revising them is answered as revising missing ones
        Http.Response others = http().post(STATISTICS + "/431027/2012/revisions", TestTokens.county("431023"), revision(1, "1.00", "x"));
        Http.Response missing = http().post(STATISTICS + "/431023/2001/revisions", TestTokens.county("431023"), revision(1, "1.00", "x"));
        assertThat(others.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(problemShape(others).replace("431027-2012", "ID")).isEqualTo(problemShape(missing).replace("431023-2001", "ID"));
        assertThat(http().get(STATISTICS + "/431027/2012", TestTokens.county("431023")).status()).isEqualTo(404);
        assertThat(http().get(STATISTICS + "?county=431027", TestTokens.county("431023")).json().get("total").asLong()).isZero();
        assertThat(http().get(STATISTICS + "?county=431027&year=2012", TestTokens.admin()).json()
                .get("items").findValuesAsString("statisticsId")).containsExactly("431027-2012");
        Http.Response noReason = http().post(STATISTICS + "/431027/2012/revisions", TestTokens.county("431027"),
                revision(1, "9500000.00", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").findValuesAsString("field")).contains("reason");
    }
}
