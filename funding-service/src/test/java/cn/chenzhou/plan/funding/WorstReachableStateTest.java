package cn.chenzhou.plan.funding;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * No state the API lets anyone reach makes a read fail. A funding-service of its own is driven to the largest money
 * its rules allow — every secured-funds year at its ceiling, county-years of matching funds at theirs, a special-fund
 * budget raised (with the plan office's approval) to its ceiling and wholly committed, county statistics at the input
 * bound — after the attacks that once broke it (two ¥9,999,999,999.99 commitments; two secured entries of that size)
 * are refused; then every list and figure is read, by every kind of principal, and answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorstReachableStateTest {
    private static final String MOST = "9999999999.99";
    private FundingInstance funding;
    private Http http;
    private final List<String> securedIds = new ArrayList<>();

    @BeforeAll
    void start() {
        funding = FundingInstance.start("funding_worst_state_test");
        http = funding.http();
    }

    @AfterAll
    void stop() {
        funding.close();
    }

    private static String secured(String amount, int year) {
        return """
                {"county":"431023","level":"NATIONAL","programme":"SPARK","amount":"%s","securedOn":"%d-04-01",
                 "documentNo":"国科发计〔%d〕101号"}""".formatted(amount, year, year);
    }

    private static String commitment(String county, int year, String amount) {
        return """
                {"county":"%s","year":%d,"amount":"%s","committedOn":"%d-03-01","documentNo":"政发〔%d〕7号"}"""
                .formatted(county, year, amount, year, year);
    }

    private static String payment(String county, int year, String amount) {
        return """
                {"county":"%s","year":%d,"amount":"%s","paidOn":"%d-06-30","voucherNo":"财拨〔%d〕55号"}"""
                .formatted(county, year, amount, year, year);
    }

    private Http.Response post(String path, String token, String body) {
        return http.post(path, token, body);
    }

    private void created(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(201, 202);
    }

    private static void refusedNaming(Http.Response response, int status, String field, String ceiling) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"" + field + "\"");
        assertThat(response.json().get("ceiling").asString()).isEqualTo(ceiling);
    }

    @Test
    void theAttacksThatBrokeTheReadsAreRefusedNamingTheBoundAndTheField() {
        String county = TestTokens.county("431081");
        refusedNaming(post("/api/funding/matching-funds/commitments", county, commitment("431081", 2013, MOST)),
                400, "amount", "100000000.00");
        refusedNaming(post("/api/funding/secured-funds", TestTokens.finance(), secured(MOST, 2013)),
                400, "amount", "1000000000.00");
        refusedNaming(post("/api/funding/special-fund/2014/budget-revisions", TestTokens.finance(),
                "{\"budget\":\"9000000000.00\",\"revisedOn\":\"2014-03-01\",\"reason\":\"追加\"}"), 400, "budget", "100000000.00");
    }

    @Test
    void everyListAndFigureAnswersAtTheLargestReachableState() {
        driveToTheCeilings();
        List<String> reads = List.of(
                "/api/funding/secured-funds", "/api/funding/secured-funds?county=431023",
                "/api/funding/secured-funds?year=2013", "/api/funding/secured-funds/" + securedIds.get(0),
                "/api/funding/secured-funds/progress", "/api/funding/secured-funds/progress?asOf=2013-06-30",
                "/api/funding/secured-funds/progress?asOf=2014-12-31", "/api/funding/secured-funds/progress?asOf=2020-01-01",
                "/api/funding/matching-funds", "/api/funding/matching-funds?county=431023",
                "/api/funding/matching-funds?year=2013", "/api/funding/matching-funds?county=431023&year=2013",
                "/api/funding/matching-funds/431023/2013",
                "/api/funding/special-fund", "/api/funding/special-fund/2013", "/api/funding/special-fund/2013/budget-revisions",
                "/api/funding/special-fund/2013/allocations", "/api/funding/special-fund/2013/allocations?county=431023",
                "/api/funding/special-fund/budget-proposals",
                "/api/funding/county-statistics", "/api/funding/county-statistics?county=431023",
                "/api/funding/county-statistics/431023/2013");
        for (String token : List.of(TestTokens.finance(), TestTokens.viewer(), TestTokens.admin(), TestTokens.county("431023"))) {
            for (String path : reads) {
                Http.Response read = http.get(path, token);
                assertThat(read.status()).as("GET %s: %s", path, read).isEqualTo(200);
            }
        }
        for (String ledger : List.of("/ledger", "/ledger.xlsx", "/ledger.csv")) {
            Http.Response read = http.get("/api/funding/special-fund/2013" + ledger, TestTokens.viewer());
            assertThat(read.status()).as("GET %s: %s", ledger, read.status()).isEqualTo(200);
        }

        JsonNode progress = http.get("/api/funding/secured-funds/progress?asOf=2014-12-31", TestTokens.viewer()).json();
        assertThat(progress.get("secured").asString()).isEqualTo("30000000000.00");
        assertThat(progress.get("net").asString()).isEqualTo("29000000000.00");
        JsonNode matching = http.get("/api/funding/matching-funds/431023/2013", TestTokens.viewer()).json();
        assertThat(matching.get("committed").asString()).isEqualTo("1000000000.00");
        assertThat(matching.get("paid").asString()).isEqualTo("1000000000.00");
        JsonNode fund = http.get("/api/funding/special-fund/2013", TestTokens.viewer()).json();
        assertThat(fund.get("budget").asString()).isEqualTo("100000000.00");
        assertThat(fund.get("remaining").asString()).isEqualTo("0.00");
    }

    @Test
    void everyListAnswersAPagePastItsEndEmptyAndAHugePageWith400() {
        for (String list : List.of("/api/funding/secured-funds", "/api/funding/matching-funds",
                "/api/funding/county-statistics", "/api/funding/special-fund/2013/allocations",
                "/api/funding/special-fund/budget-proposals")) {
            JsonNode past = http.get(list + "?page=100000&size=200", TestTokens.finance()).json();
            assertThat(past.get("items")).as(list).isEmpty();
            assertThat(past.get("page").asInt()).isEqualTo(100000);
            Http.Response huge = http.get(list + "?page=107374183&size=20", TestTokens.finance());
            assertThat(huge.status()).as("%s: %s", list, huge).isEqualTo(400);
            assertThat(huge.json().get("errors").get(0).get("field").asString()).isEqualTo("page");
        }
    }

    private void driveToTheCeilings() {
        String finance = TestTokens.finance();
        // secured funds: each plan year at its ceiling of ¥10,000,000,000, in entries at theirs of ¥1,000,000,000
        for (int year = 2012; year <= 2014; year++) {
            for (int i = 0; i < 10; i++) {
                Http.Response entry = post("/api/funding/secured-funds", finance, secured("1000000000.00", year));
                created(entry);
                securedIds.add(entry.json().get("id").asString());
            }
            refusedNaming(post("/api/funding/secured-funds", finance, secured("0.01", year)), 409, "amount", "10000000000.00");
        }
        // a reversal corrects an entry; it does not make room in its year
        created(post("/api/funding/secured-funds/" + securedIds.get(0) + "/reversals", finance,
                "{\"amount\":\"1000000000.00\",\"reversedOn\":\"2012-05-01\",\"reason\":\"重复录入\"}"));
        refusedNaming(post("/api/funding/secured-funds", finance, secured("0.01", 2012)), 409, "amount", "10000000000.00");

        // matching funds: county-years at their ceiling of ¥1,000,000,000, paid in full
        for (String county : List.of("431023", "431081")) {
            for (int year : List.of(2013, 2014)) {
                for (int i = 0; i < 10; i++) {
                    created(post("/api/funding/matching-funds/commitments", TestTokens.county(county),
                            commitment(county, year, "100000000.00")));
                    created(post("/api/funding/matching-funds/payments", finance, payment(county, year, "100000000.00")));
                }
                refusedNaming(post("/api/funding/matching-funds/commitments", TestTokens.county(county),
                        commitment(county, year, "0.01")), 409, "amount", "1000000000.00");
            }
        }

        // the special fund: raised to its ceiling with the plan office's approval, then wholly committed
        Http.Response proposal = post("/api/funding/special-fund/2013/budget-revisions", finance,
                "{\"budget\":\"100000000.00\",\"revisedOn\":\"2013-02-01\",\"reason\":\"追加\"}");
        assertThat(proposal.status()).as(proposal.toString()).isEqualTo(202);
        created(post("/api/funding/special-fund/budget-proposals/" + proposal.json().get("id").asString() + "/approval",
                TestTokens.admin(), "{}"));
        String allocation = """
                {"purpose":"MAJOR_ACHIEVEMENT","beneficiary":{"name":"郴州市重大科技成果"},"county":"431023",
                 "amount":"%s","approvalDocument":"郴科发〔2013〕1号","allocatedOn":"2013-03-01"}""";
        Http.Response first = post("/api/funding/special-fund/2013/allocations", finance, allocation.formatted("60000000.00"));
        created(first);
        String id = first.json().get("id").asString();
        created(post("/api/funding/special-fund/2013/allocations/" + id + "/disbursements", finance,
                "{\"amount\":\"60000000.00\",\"disbursedOn\":\"2013-04-01\"}"));
        created(post("/api/funding/special-fund/2013/allocations/" + id + "/revocation", finance,
                "{\"revokedOn\":\"2013-05-01\",\"reason\":\"项目终止\"}"));
        created(post("/api/funding/special-fund/2013/allocations", finance, allocation.formatted("40000000.00")));

        // county statistics at the bound one stated amount may have
        created(post("/api/funding/county-statistics", TestTokens.county("431023"), """
                {"county":"431023","year":2013,"fiscalExpenditure":"10000000000.00","fiscalStExpenditure":"10000000000.00",
                 "recurringRevenue":"10000000000.00","enterpriseRd":"10000000000.00","societyRd":"10000000000.00",
                 "filedOn":"2014-02-01"}"""));
    }
}
