package cn.chenzhou.plan.funding;

import cn.chenzhou.plan.chassis.testing.Outboxes;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Bad input to every command of the service — bad amounts, precision, overflow, unknown counties, injection, future
 * dates, parts larger than wholes — is a 4xx problem+json naming the field; nothing is stored and nothing published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest extends FundingApiTest {
    private static final String ALLOCATIONS = "/api/funding/special-fund/2014/allocations";
    private static final String SECURED = "/api/funding/secured-funds";
    private static final String STATISTICS = "/api/funding/county-statistics";
    private static final String COMMITMENTS = "/api/funding/matching-funds/commitments";
    private EventProbe probe;
    private Map<String, Long> documentsBefore;
    private String fundBefore;

    private static String allocation(String replace, String with) {
        String ok = """
                {"purpose":"KEY_ENTERPRISE","beneficiary":{"name":"永兴县稀贵金属再生利用有限公司","creditCode":"91431023MA4L5EAY54"},
                 "county":"431023","amount":"1000.00","approvalDocument":"郴科发〔2014〕3号","allocatedOn":"2014-05-20"}""";
        String bad = ok.replace(replace, with);
        assertThat(bad).as("the bad input differs from the good one").isNotEqualTo(ok);
        return bad;
    }

    private static String secured(String replace, String with) {
        return """
                {"county":"431023","level":"NATIONAL","programme":"SPARK","amount":"5000000.00","securedOn":"2013-04-01",
                 "documentNo":"国科发计〔2013〕101号"}""".replace(replace, with);
    }

    private static String statistics(String replace, String with) {
        return """
                {"county":"431021","year":2013,"fiscalExpenditure":"1500000000.00","fiscalStExpenditure":"20000000.00",
                 "recurringRevenue":"900000000.00","enterpriseRd":"80000000.00","societyRd":"100000000.00","filedOn":"2014-02-01"}"""
                .replace(replace, with);
    }

    private static String commitment(String replace, String with) {
        return """
                {"county":"431021","year":2013,"amount":"300000.00","committedOn":"2013-03-01","documentNo":"桂政发〔2013〕9号"}"""
                .replace(replace, with);
    }

    static Stream<Arguments> badCommands() {
        String finance = TestTokens.finance();
        String guiyang = TestTokens.county("431021");
        return Stream.of(
                Arguments.of("unknown field", ALLOCATIONS, finance, allocation("\"county\"", "\"colour\":\"red\",\"county\""), "colour"),
                Arguments.of("operator injection in a text", ALLOCATIONS, finance, allocation("\"永兴县稀贵金属再生利用有限公司\"", "{\"$gt\":\"\"}"), "beneficiary.name"),
                Arguments.of("operator injection as a county", ALLOCATIONS, finance, allocation("\"431023\"", "{\"$ne\":null}"), "county"),
                Arguments.of("operator as a field name", ALLOCATIONS, finance, allocation("\"county\"", "\"$where\":\"1\",\"county\""), "$where"),
                Arguments.of("operator in an id", ALLOCATIONS, finance, allocation("\"county\"", "\"projectId\":\"$where\",\"county\""), "projectId"),
                Arguments.of("three decimals", ALLOCATIONS, finance, allocation("\"1000.00\"", "\"1.005\""), "amount"),
                Arguments.of("three decimals as a number", ALLOCATIONS, finance, allocation("\"1000.00\"", "1.005"), "amount"),
                Arguments.of("overflowing amount", ALLOCATIONS, finance, allocation("\"1000.00\"", "1e30"), "amount"),
                Arguments.of("huge digits", ALLOCATIONS, finance, allocation("\"1000.00\"", "\"99999999999999999999\""), "amount"),
                Arguments.of("amount above the bound", ALLOCATIONS, finance, allocation("\"1000.00\"", "\"10000000000.01\""), "amount"),
                Arguments.of("negative amount", ALLOCATIONS, finance, allocation("\"1000.00\"", "-5"), "amount"),
                Arguments.of("zero amount", ALLOCATIONS, finance, allocation("\"1000.00\"", "0"), "amount"),
                Arguments.of("amount as a boolean", ALLOCATIONS, finance, allocation("\"1000.00\"", "true"), "amount"),
                Arguments.of("amount in scientific notation text", ALLOCATIONS, finance, allocation("\"1000.00\"", "\"1e3\""), "amount"),
                Arguments.of("missing amount", ALLOCATIONS, finance, allocation("\"amount\":\"1000.00\",", ""), "amount"),
                Arguments.of("unknown county", ALLOCATIONS, finance, allocation("\"431023\"", "\"431099\""), "county"),
                Arguments.of("the city is not a county", ALLOCATIONS, finance, allocation("\"431023\"", "\"431000\""), "county"),
                Arguments.of("unknown purpose", ALLOCATIONS, finance, allocation("KEY_ENTERPRISE", "BANQUETS"), "purpose"),
                Arguments.of("malformed date", ALLOCATIONS, finance, allocation("2014-05-20", "2014/05/20"), "allocatedOn"),
                Arguments.of("impossible date", ALLOCATIONS, finance, allocation("2014-05-20", "2014-02-30"), "allocatedOn"),
                Arguments.of("future date", ALLOCATIONS, finance, allocation("2014-05-20", "2099-01-01"), "allocatedOn"),
                Arguments.of("date before the fund's year", ALLOCATIONS, finance, allocation("2014-05-20", "2013-12-31"), "allocatedOn"),
                Arguments.of("control character in a name", ALLOCATIONS, finance, allocation("有限公司\"", "有限公司\\u0007\""), "beneficiary.name"),
                Arguments.of("credit code with a wrong check character", ALLOCATIONS, finance, allocation("91431023MA4L5EAY54", "91431023MA4L5EAY5J"), "beneficiary.creditCode"),
                Arguments.of("key enterprise without credit code", ALLOCATIONS, finance, allocation(",\"creditCode\":\"91431023MA4L5EAY54\"", ""), "beneficiary.creditCode"),
                Arguments.of("blank approval document", ALLOCATIONS, finance, allocation("郴科发〔2014〕3号", "  "), "approvalDocument"),
                Arguments.of("oversized approval document", ALLOCATIONS, finance, allocation("郴科发〔2014〕3号", "x".repeat(101)), "approvalDocument"),
                Arguments.of("malformed JSON", ALLOCATIONS, finance, "{\"purpose\":", "body"),
                Arguments.of("array instead of object", ALLOCATIONS, finance, "[1,2]", "body"),
                Arguments.of("year that is not a number", "/api/funding/special-fund/20x4/allocations", finance, allocation("\"1000.00\"", "\"1.00\""), "year"),
                Arguments.of("secured funds: neither a county nor the city", SECURED, finance, secured("431023", "110101"), "county"),
                Arguments.of("secured funds: municipal money is not F1", SECURED, finance, secured("NATIONAL", "MUNICIPAL"), "level"),
                Arguments.of("secured funds: not a programme code", SECURED, finance, secured("SPARK", "spark; drop"), "programme"),
                Arguments.of("secured funds: future date", SECURED, finance, secured("2013-04-01", "2099-04-01"), "securedOn"),
                Arguments.of("secured funds: overflow", SECURED, finance, secured("\"5000000.00\"", "1e300"), "amount"),
                Arguments.of("secured funds: no document", SECURED, finance, secured(",\n \"documentNo\":\"国科发计〔2013〕101号\"", ""), "documentNo"),
                Arguments.of("statistics: S&T spending above all spending", STATISTICS, guiyang, statistics("\"20000000.00\"", "\"1500000000.01\""), "fiscalStExpenditure"),
                Arguments.of("statistics: enterprise R&D above society's", STATISTICS, guiyang, statistics("\"80000000.00\"", "\"100000000.01\""), "enterpriseRd"),
                Arguments.of("statistics: negative R&D", STATISTICS, guiyang, statistics("\"100000000.00\"", "\"-1.00\""), "societyRd"),
                Arguments.of("statistics: no fiscal expenditure", STATISTICS, guiyang, statistics("\"1500000000.00\"", "\"0.00\""), "fiscalExpenditure"),
                Arguments.of("statistics: a future year", STATISTICS, guiyang, statistics("\"year\":2013", "\"year\":2099"), "year"),
                Arguments.of("statistics: filed before its year", STATISTICS, guiyang, statistics("2014-02-01", "2012-12-31"), "filedOn"),
                Arguments.of("statistics: unknown county", STATISTICS, guiyang, statistics("431021", "431099"), "county"),
                Arguments.of("matching funds: a tenth of a fen", COMMITMENTS, guiyang, commitment("\"300000.00\"", "\"0.001\""), "amount"),
                Arguments.of("matching funds: year out of range", COMMITMENTS, guiyang, commitment("2013,", "1999,"), "year"),
                Arguments.of("matching funds: future date", COMMITMENTS, guiyang, commitment("2013-03-01", "2099-03-01"), "committedOn"));
    }

    @BeforeAll
    void watch() {
        Outboxes.awaitEmpty(mongo);
        documentsBefore = documents();
        fundBefore = http().get("/api/funding/special-fund/2014", TestTokens.finance()).body();
        probe = new EventProbe(Topics.FUNDING);
    }

    @AfterAll
    void nothingWasStoredOrPublished() {
        try {
            assertThat(documents()).isEqualTo(documentsBefore);
            assertThat(http().get("/api/funding/special-fund/2014", TestTokens.finance()).body()).isEqualTo(fundBefore);
            assertThat(probe.drain(Duration.ofSeconds(1))).isEmpty();
        } finally {
            probe.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCommands")
    void badInputIsRefusedNamingTheFieldAndChangesNothing(String what, String path, String token, String body, String field) {
        Http.Response response = http().post(path, token, body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:cn.chenzhou.plan:problem:invalid-input");
        assertThat(problem.get("errors").findValuesAsString("field")).as(response.body()).contains(field);
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        Http.Response response = http().post(ALLOCATIONS, TestTokens.finance(),
                allocation("\"county\"", "\"colour\":\"" + "r".repeat(70_000) + "\",\"county\""));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private Map<String, Long> documents() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String collection : new String[] {"special_funds", "secured_funds", "secured_funds_reversals",
                "county_statistics", "matching_funds"}) {
            counts.put(collection, mongo.getCollection(collection).countDocuments());
        }
        return counts;
    }
}
