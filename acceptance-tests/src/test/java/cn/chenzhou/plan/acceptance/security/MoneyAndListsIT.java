package cn.chenzhou.plan.acceptance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.chenzhou.plan.acceptance.security.Call.Reply;
import cn.chenzhou.plan.acceptance.security.MatrixTable.Row;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Money and lists that once broke for good, tried through the gateway as an attacker tried them:
 * <ul>
 *   <li>¥9,999,999,999.99 matching-funds commitments by a county portal and secured-funds entries of that size — once
 *       stored, they made lists and figures answer 500 for everyone, for good — are refused naming the ceiling and the
 *       field; the largest money the rules let anyone record (a county-year's matching funds and a year's secured funds
 *       at their ceilings) is refused one fen further, and every list and figure still answers;</li>
 *   <li>every list of every service answers a page past its end with an empty page and a page whose offset overflows an
 *       int ({@code page=107374183&size=20}, once a 500 on alerts and the first page on county statistics) with a 400
 *       naming {@code page};</li>
 *   <li>the dashboard's "left" of the demo's 2013 special fund is funding-service's "remaining" (claw-back included);</li>
 *   <li>finance alone cannot raise a year's budget above the plan's figure (a proposal until the plan office approves
 *       it), nor to ¥9,000,000,000 at all, nor date a revision before the last one, nor date an allocation years after
 *       its fund's year.</li>
 * </ul>
 * It works in a county of its own (汝城县) and in years outside the plan period, so that the shared platform's plan
 * figures stay as the other suites expect them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MoneyAndListsIT {
    private static final String COUNTY = "431026";
    private static final String MOST = "9999999999.99";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlatformUnderTest platform;
    private Fixtures fixtures;

    @BeforeAll
    void connect() throws Exception {
        platform = PlatformUnderTest.get();
        fixtures = new Fixtures(platform, new Samples(), COUNTY);
    }

    private Reply send(String client, String method, String path, String json) {
        Call call = Call.of(method, path).bearer(platform.token(client));
        if (json != null) {
            call = call.json(JSON.readTree(json));
        }
        return call.send(platform.http(), platform.gateway(), Duration.ofSeconds(30));
    }

    private Reply get(String client, String path) {
        return send(client, "GET", path, null);
    }

    private static void refused(Reply reply, int status, String field, String ceiling) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.isProblem()).as(reply.toString()).isTrue();
        assertThat(reply.body()).as(reply.toString()).contains("\"" + field + "\"");
        if (ceiling != null) {
            assertThat(reply.json().get("ceiling").asString()).isEqualTo(ceiling);
        }
    }

    private static String commitment(int year, String amount) {
        return """
                {"county":"%s","year":%d,"amount":"%s","committedOn":"%d-03-01","documentNo":"汝政函〔%d〕1号"}"""
                .formatted(COUNTY, year, amount, year, year);
    }

    private static String secured(String securedOn, String amount) {
        return """
                {"county":"%s","level":"NATIONAL","programme":"SPARK","amount":"%s","securedOn":"%s",
                 "documentNo":"国科发计〔2013〕%s号"}""".formatted(COUNTY, amount, securedOn, amount.replace(".", ""));
    }

    @Test
    void theAmountsThatBrokeTheReadsForGoodAreRefusedNamingTheCeilingAndTheField() {
        for (int attempt = 0; attempt < 2; attempt++) {
            refused(send("county-" + COUNTY, "POST", "/api/funding/matching-funds/commitments", commitment(2013, MOST)),
                    400, "amount", "100000000.00");
            refused(send("finance", "POST", "/api/funding/secured-funds", secured("2013-05-01", MOST)),
                    400, "amount", "1000000000.00");
        }
        everyFigureAnswers();
    }

    @Test
    void theLargestMoneyTheRulesAllowIsRefusedOneFenFurtherAndEveryFigureStillAnswers() {
        int matchingYear = freeMatchingYear();
        for (int i = 0; i < 10; i++) {
            assertThat(send("county-" + COUNTY, "POST", "/api/funding/matching-funds/commitments",
                    commitment(matchingYear, "100000000.00")).is2xx()).isTrue();
        }
        refused(send("county-" + COUNTY, "POST", "/api/funding/matching-funds/commitments", commitment(matchingYear, "0.01")),
                409, "amount", "1000000000.00");

        int securedYear = freeSecuredYear();
        for (int i = 0; i < 10; i++) {
            assertThat(send("finance", "POST", "/api/funding/secured-funds",
                    secured(securedYear + "-05-01", "1000000000.00")).is2xx()).isTrue();
        }
        refused(send("finance", "POST", "/api/funding/secured-funds", secured(securedYear + "-05-02", "0.01")),
                409, "amount", "10000000000.00");
        assertThat(get("viewer", "/api/funding/secured-funds?year=" + securedYear + "&size=1").json().get("total").asLong())
                .isEqualTo(10);
        everyFigureAnswers();
        JsonNode matching = get("finance", "/api/funding/matching-funds/" + COUNTY + "/" + matchingYear).json();
        assertThat(matching.get("committed").asString()).isEqualTo("1000000000.00");
    }

    /** Every list and figure of funding and reporting, as a viewer, finance and the county's own portal. */
    private void everyFigureAnswers() {
        List<String> reads = List.of("/api/funding/matching-funds", "/api/funding/matching-funds?county=" + COUNTY,
                "/api/funding/matching-funds?year=2013", "/api/funding/secured-funds", "/api/funding/secured-funds?county=" + COUNTY,
                "/api/funding/secured-funds/progress", "/api/funding/secured-funds/progress?asOf=2013-06-30",
                "/api/funding/secured-funds/progress?asOf=2014-12-31", "/api/funding/special-fund",
                "/api/funding/special-fund/2013", "/api/funding/county-statistics", "/api/reports/funding",
                "/api/reports/funding?asOf=2013-06-30", "/api/reports/scorecard", "/api/reports/assessment",
                "/api/reports/indicators/funds.secured/series?scope=" + COUNTY,
                "/api/reports/indicators/matching-funds.paid/series?scope=" + COUNTY,
                "/api/reports/exports/scorecard.csv", "/api/reports/exports/assessment.xlsx");
        for (String client : List.of("viewer", "finance", "county-" + COUNTY)) {
            for (String path : reads) {
                Reply read = get(client, path);
                assertThat(read.status()).as("GET %s as %s: %s", path, client, read.status() >= 500 ? read : "").isEqualTo(200);
            }
        }
    }

    private int freeMatchingYear() {
        for (int year = 2000; year <= 2011; year++) {
            if (get("finance", "/api/funding/matching-funds/" + COUNTY + "/" + year).status() == 404) {
                return year;
            }
        }
        throw new IllegalStateException("no year without matching funds left for " + COUNTY + " (a platform kept too long?)");
    }

    private int freeSecuredYear() {
        for (int year = 2000; year <= 2011; year++) {
            if (get("finance", "/api/funding/secured-funds?year=" + year + "&size=1").json().get("total").asLong() == 0) {
                return year;
            }
        }
        throw new IllegalStateException("no year without secured funds left (a platform kept too long?)");
    }

    /** Every list endpoint of the matrix, with what its path needs. */
    private List<String> everyList() {
        List<String> lists = new ArrayList<>();
        for (Row row : MatrixTable.load()) {
            // fund.list is the open years of the special fund, one per year: an array, not a paged list
            boolean list = (row.endpoint().endsWith(".list") && !row.endpoint().equals("fund.list"))
                    || row.endpoint().endsWith(".list-county")
                    || row.endpoint().equals("fund.allocations") || row.endpoint().equals("fund.allocations-county")
                    || row.endpoint().equals("fund.budget-proposals") || row.endpoint().equals("reports.alerts");
            if (row.method().equals("GET") && list) {
                Map<String, Object> vars = fixtures.forReading(row.fixture());
                lists.add(Samples.fill(row.path(), vars));
            }
        }
        return lists;
    }

    @TestFactory
    Stream<DynamicTest> everyListAnswersAPagePastItsEndEmptyAndAnOverflowingPageWith400() {
        return everyList().stream().map(path -> DynamicTest.dynamicTest(path, () -> {
            String join = path.contains("?") ? "&" : "?";
            Reply past = get("plan-office", path + join + "page=100000&size=200");
            assertThat(past.status()).as(past.toString()).isEqualTo(200);
            assertThat(past.json().get("items")).as(path).isEmpty();
            assertThat(past.json().get("page").asInt()).isEqualTo(100000);

            Reply overflowing = get("plan-office", path + join + "page=107374183&size=20");
            assertThat(overflowing.status()).as(overflowing.toString()).isEqualTo(400);
            assertThat(overflowing.isProblem()).isTrue();
            assertThat(overflowing.json().get("errors").get(0).get("field").asString()).isEqualTo("page");
        }));
    }

    @Test
    void theDashboardsLeftOfTheDemosClawedBackYearIsFundingsRemaining() {
        JsonNode fund = get("viewer", "/api/funding/special-fund/2013").json();
        assertThat(fund.get("clawedBack").asString()).as("the demo's 2013 has a claw-back").isNotEqualTo("0.00");
        String remaining = fund.get("remaining").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode funding = get("viewer", "/api/reports/funding").json();
            JsonNode y2013 = null;
            for (JsonNode y : funding.get("specialFund")) {
                if (y.get("year").asInt() == 2013) {
                    y2013 = y;
                }
            }
            assertThat(y2013).isNotNull();
            assertThat(y2013.get("left").asString()).as("reporting's 2013 left").isEqualTo(remaining);
            assertThat(y2013.get("clawedBack").asString()).isEqualTo(fund.get("clawedBack").asString());
        });
    }

    @Test
    void financeAloneCannotRaiseABudgetNorDateItsMovesWhereTheyDoNotBelong() {
        int year = (Integer) fixtures.fresh("fund-year:new").get("year");
        String fund = "/api/funding/special-fund/" + year;
        assertThat(send("finance", "POST", "/api/funding/special-fund",
                "{\"year\":" + year + ",\"budget\":\"1500000.00\",\"openedOn\":\"" + year + "-01-02\"}").status()).isEqualTo(201);

        // ¥9,000,000,000 is refused outright, whoever would approve it
        refused(send("finance", "POST", fund + "/budget-revisions", revision("9000000000.00", year + "-02-01")),
                400, "budget", "100000000.00");
        // ¥9,000,000 is a proposal: the budget does not move until the plan office says so
        Reply proposed = send("finance", "POST", fund + "/budget-revisions", revision("9000000.00", year + "-02-01"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
        String proposal = "/api/funding/special-fund/budget-proposals/" + proposed.json().get("id").asString();
        assertThat(get("viewer", fund).json().get("budget").asString()).isEqualTo("1500000.00");
        assertThat(send("finance", "POST", proposal + "/approval", "{}").status()).isEqualTo(403);
        Reply rejected = send("plan-office", "POST", proposal + "/rejection", "{\"reason\":\"超出年度额度\"}");
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(201);
        assertThat(get("viewer", fund).json().get("budget").asString()).isEqualTo("1500000.00");

        // revisions run forward
        assertThat(send("finance", "POST", fund + "/budget-revisions", revision("1800000.00", year + "-06-01")).status())
                .isEqualTo(201);
        refused(send("finance", "POST", fund + "/budget-revisions", revision("1900000.00", year + "-03-01")),
                400, "revisedOn", null);
        // an allocation belongs to its fund's year
        refused(send("finance", "POST", fund + "/allocations", allocation("1000.00", (year + 3) + "-06-01")),
                400, "allocatedOn", null);

        // approved by the plan office, a raised budget counts
        Reply raise = send("finance", "POST", fund + "/budget-revisions", revision("3000000.00", year + "-07-01"));
        assertThat(raise.status()).isEqualTo(202);
        Reply approved = send("plan-office", "POST",
                "/api/funding/special-fund/budget-proposals/" + raise.json().get("id").asString() + "/approval", "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(201);
        assertThat(get("viewer", fund).json().get("budget").asString()).isEqualTo("3000000.00");
        assertThat(send("finance", "POST", fund + "/allocations", allocation("2500000.00", year + "-08-01")).status())
                .isEqualTo(201);
    }

    private static String revision(String budget, String revisedOn) {
        return "{\"budget\":\"" + budget + "\",\"revisedOn\":\"" + revisedOn + "\",\"reason\":\"追加预算\"}";
    }

    private static String allocation(String amount, String allocatedOn) {
        return """
                {"purpose":"OUTSTANDING_TALENT","beneficiary":{"name":"汝城县科技创新杰出人才"},"county":"%s",
                 "amount":"%s","approvalDocument":"郴科发〔2011〕9号","allocatedOn":"%s"}""".formatted(COUNTY, amount, allocatedOn);
    }
}
