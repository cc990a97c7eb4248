package cn.chenzhou.plan.reporting.funding;

import static cn.chenzhou.plan.contracts.funding.FundingEvents.FUNDS_SECURED;
import static cn.chenzhou.plan.contracts.funding.FundingEvents.MATCHING_FUNDS_COMMITTED;
import static cn.chenzhou.plan.contracts.funding.FundingEvents.MATCHING_FUNDS_PAID;
import static cn.chenzhou.plan.contracts.funding.FundingEvents.SPECIAL_FUND_ALLOCATED;
import static cn.chenzhou.plan.contracts.funding.FundingEvents.SPECIAL_FUND_ALLOCATION_REVOKED;
import static cn.chenzhou.plan.contracts.funding.FundingEvents.SPECIAL_FUND_BUDGET_OPENED;
import static cn.chenzhou.plan.contracts.funding.FundingEvents.SPECIAL_FUND_BUDGET_PROPOSAL_APPROVED;
import static cn.chenzhou.plan.contracts.funding.FundingEvents.SPECIAL_FUND_BUDGET_PROPOSED;
import static cn.chenzhou.plan.contracts.funding.FundingEvents.SPECIAL_FUND_BUDGET_REVISED;
import static cn.chenzhou.plan.contracts.funding.FundingEvents.SPECIAL_FUND_DISBURSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestInfrastructure;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.contracts.funding.FundsSecured;
import cn.chenzhou.plan.contracts.funding.MatchingFundsCommitted;
import cn.chenzhou.plan.contracts.funding.MatchingFundsPaid;
import cn.chenzhou.plan.contracts.funding.SpecialFundAllocated;
import cn.chenzhou.plan.contracts.funding.SpecialFundAllocationRevoked;
import cn.chenzhou.plan.contracts.funding.SpecialFundBudgetOpened;
import cn.chenzhou.plan.contracts.funding.SpecialFundBudgetProposalApproved;
import cn.chenzhou.plan.contracts.funding.SpecialFundBudgetProposed;
import cn.chenzhou.plan.contracts.funding.SpecialFundBudgetRevised;
import cn.chenzhou.plan.contracts.funding.SpecialFundDisbursed;
import cn.chenzhou.plan.reporting.facts.FactsReadModel;
import cn.chenzhou.plan.reporting.testing.EventFeed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Reporting's money is funding-service's money. Told as funding publishes it:
 * <ul>
 *   <li>2013 — the demo's claw-back: ¥2,000,000 budget; ¥600,000 allocated, ¥90,000 of it paid out, then revoked
 *       (¥90,000 clawed back); ¥1,750,000 allocated. funding-service's remaining is 2,000,000 − 1,750,000 − 90,000 =
 *       ¥160,000 (the dashboard once said ¥250,000, forgetting the claw-back);</li>
 *   <li>2014 — a budget raised to ¥9,000,000 by an approved proposal, and ¥5,000,000 allocated: over the plan's
 *       ¥2,000,000 a year, so F2 is not on track, whatever the budget says;</li>
 *   <li>2012 — a proposal still pending changes nothing;</li>
 *   <li>and the most money the platform lets anyone record: every plan year's secured funds at their ceiling, every
 *       county-year's matching funds at theirs — totals far past what one amount may state, which every figure,
 *       export and list still answers.</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "reporting.today=2015-06-30")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class MoneyFiguresTest {
    private static final String PREFIX = "it-money";
    private static final String CITY = County.CITY_CODE;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "reporting_money_test");
        EventFeed.register(registry, PREFIX);
    }

    @LocalServerPort
    int port;

    @Autowired
    FactsReadModel facts;

    private EventFeed feed;

    @BeforeAll
    void fundingTellsItsBooks() {
        feed = new EventFeed(PREFIX);
        clawBackIn2013();
        raisedBudgetIn2014();
        pendingProposalIn2012();
        everyCeilingMet();
        Map<String, Long> last = feed.lastSequences();
        await().atMost(Duration.ofSeconds(60)).until(() -> facts.read(b ->
                last.entrySet().stream().allMatch(e -> b.sequenceOf(e.getKey()) >= e.getValue())));
    }

    @AfterAll
    void close() {
        feed.close();
    }

    private void clawBackIn2013() {
        feed.publish(SPECIAL_FUND_BUDGET_OPENED, "special-fund-2013", CITY,
                new SpecialFundBudgetOpened(2013, CITY, 200_000_000L, "2013-01-01", null));
        allocated(2013, "a-2013-1", "431023", 60_000_000L, "2013-03-01");
        feed.publish(SPECIAL_FUND_DISBURSED, "special-fund-2013", "431023",
                new SpecialFundDisbursed("d-2013-1", "a-2013-1", 2013, "431023", 9_000_000L, "2013-04-01"));
        feed.publish(SPECIAL_FUND_ALLOCATION_REVOKED, "special-fund-2013", "431023",
                new SpecialFundAllocationRevoked("a-2013-1", 2013, "431023", 51_000_000L, 9_000_000L, "2013-06-01", "未按期实施"));
        allocated(2013, "a-2013-2", "431081", 175_000_000L, "2013-07-01");
    }

    private void raisedBudgetIn2014() {
        feed.publish(SPECIAL_FUND_BUDGET_OPENED, "special-fund-2014", CITY,
                new SpecialFundBudgetOpened(2014, CITY, 200_000_000L, "2014-01-01", null));
        feed.publish(SPECIAL_FUND_BUDGET_PROPOSED, "special-fund-2014", CITY, new SpecialFundBudgetProposed("bp-2014-1",
                2014, CITY, "REVISION", 900_000_000L, 200_000_000L, "2014-02-01", "追加"));
        feed.publish(SPECIAL_FUND_BUDGET_PROPOSAL_APPROVED, "special-fund-2014", CITY,
                new SpecialFundBudgetProposalApproved("bp-2014-1", 2014, CITY, "REVISION", 900_000_000L, "2014-02-01", null));
        feed.publish(SPECIAL_FUND_BUDGET_REVISED, "special-fund-2014", CITY,
                new SpecialFundBudgetRevised(2014, CITY, 900_000_000L, "2014-02-01", "追加", "bp-2014-1"));
        allocated(2014, "a-2014-1", "431002", 500_000_000L, "2014-03-01");
    }

    private void pendingProposalIn2012() {
        feed.publish(SPECIAL_FUND_BUDGET_OPENED, "special-fund-2012", CITY,
                new SpecialFundBudgetOpened(2012, CITY, 200_000_000L, "2012-01-01", null));
        feed.publish(SPECIAL_FUND_BUDGET_PROPOSED, "special-fund-2012", CITY, new SpecialFundBudgetProposed("bp-2012-1",
                2012, CITY, "REVISION", 5_000_000_000L, 200_000_000L, "2012-02-01", null));
    }

    private void everyCeilingMet() {
        for (int year = 2012; year <= 2014; year++) {
            for (int i = 0; i < 10; i++) {
                String id = "sf-" + year + "-" + i;
                String county = County.codes().get(i % County.codes().size());
                feed.publish(FUNDS_SECURED, id, county, new FundsSecured(id, county, i % 2 == 0 ? "NATIONAL" : "PROVINCIAL",
                        "SPARK", null, 100_000_000_000L, year + "-04-01", "国科发计〔" + year + "〕" + i + "号"));
            }
            for (String county : County.codes()) {
                String fund = "matching-funds-" + county + "-" + year;
                for (int i = 0; i < 10; i++) {
                    feed.publish(MATCHING_FUNDS_COMMITTED, fund, county,
                            new MatchingFundsCommitted("c-" + county + year + i, county, year, 10_000_000_000L, year + "-03-01"));
                    feed.publish(MATCHING_FUNDS_PAID, fund, county,
                            new MatchingFundsPaid("p-" + county + year + i, county, year, 10_000_000_000L, year + "-06-30"));
                }
            }
        }
    }

    private void allocated(int year, String id, String county, long fen, String on) {
        feed.publish(SPECIAL_FUND_ALLOCATED, "special-fund-" + year, county, new SpecialFundAllocated(id, year, county,
                "KEY_ENTERPRISE", "受益企业 " + id, null, null, fen, "郴科财-" + id, on));
    }

    private Http http() {
        return Http.local(port);
    }

    private JsonNode year(JsonNode funding, int year) {
        for (JsonNode y : funding.get("specialFund")) {
            if (y.get("year").asInt() == year) {
                return y;
            }
        }
        throw new AssertionError("no special fund year " + year);
    }

    @Test
    void whatIsLeftOfAYearIsFundingsRemainingClawedBackMoneyIncluded() {
        JsonNode funding = http().get("/api/reports/funding?asOf=2013-12-31", TestTokens.viewer()).json();
        JsonNode y2013 = year(funding, 2013);
        assertThat(y2013.get("allocated").asString()).isEqualTo("1750000.00");
        assertThat(y2013.get("clawedBack").asString()).isEqualTo("90000.00");
        assertThat(y2013.get("left").asString()).isEqualTo("160000.00");
        // before the revocation nothing was clawed back: the left then was 2,000,000 − 600,000
        JsonNode before = year(http().get("/api/reports/funding?asOf=2013-05-31", TestTokens.viewer()).json(), 2013);
        assertThat(before.get("left").asString()).isEqualTo("1400000.00");
    }

    @Test
    void theSpecialFundIsJudgedAgainstThePlansFigureNotARaisedBudget() {
        JsonNode y2014 = year(http().get("/api/reports/funding?asOf=2014-12-31", TestTokens.viewer()).json(), 2014);
        assertThat(y2014.get("budget").asString()).isEqualTo("9000000.00");
        assertThat(y2014.get("allocated").asString()).isEqualTo("5000000.00");
        assertThat(y2014.get("figure").asString()).isEqualTo("2000000.00");
        assertThat(y2014.get("overspent").asBoolean()).isTrue();

        JsonNode f2 = null;
        for (JsonNode t : http().get("/api/reports/scorecard?asOf=2014-12-31", TestTokens.viewer()).json().get("targets")) {
            if (t.get("id").asString().equals("F2")) {
                f2 = t;
            }
        }
        assertThat(f2).isNotNull();
        assertThat(f2.get("status").asString()).isEqualTo("AT_RISK");
        assertThat(f2.get("detail").asString()).contains("2014 over the plan's figure");
    }

    @Test
    void aProposalAwaitingTheOfficeChangesNoFigure() {
        JsonNode y2012 = year(http().get("/api/reports/funding?asOf=2012-12-31", TestTokens.viewer()).json(), 2012);
        assertThat(y2012.get("budget").asString()).isEqualTo("2000000.00");
        assertThat(y2012.get("left").asString()).isEqualTo("2000000.00");
    }

    @Test
    void everyFigureListAndExportAnswersAtTheLargestMoneyThePlatformLetsAnyoneRecord() {
        JsonNode funding = http().get("/api/reports/funding?asOf=2014-12-31", TestTokens.viewer()).json();
        assertThat(funding.get("secured").get("secured").asString()).isEqualTo("30000000000.00");
        List<String> reads = List.of("/api/reports/funding", "/api/reports/funding?asOf=2013-06-30",
                "/api/reports/scorecard", "/api/reports/scorecard?asOf=2014-12-31", "/api/reports/scorecard/counties/431023",
                "/api/reports/targets/F1/series", "/api/reports/targets/F2/series", "/api/reports/indicators",
                "/api/reports/indicators/funds.secured/series?scope=431000",
                "/api/reports/indicators/matching-funds.paid/series?scope=431023",
                "/api/reports/indicators/special-fund.allocated/series?scope=431000",
                "/api/reports/assessment", "/api/reports/assessment?asOf=2014-12-31", "/api/reports/alerts",
                "/api/reports/exports/scorecard.xlsx", "/api/reports/exports/scorecard.csv",
                "/api/reports/exports/assessment.xlsx", "/api/reports/exports/assessment.csv");
        for (String token : List.of(TestTokens.viewer(), TestTokens.finance(), TestTokens.county("431023"))) {
            for (String path : reads) {
                Http.Response read = http().get(path, token);
                assertThat(read.status()).as("GET %s: %s", path, read.status() >= 500 ? read.body() : "").isEqualTo(200);
            }
        }
    }

    @Test
    void theAlertsAnswerAPagePastTheirEndEmptyAndAHugePageWith400() {
        Http.Response huge = http().get("/api/reports/alerts?page=107374183&size=20", TestTokens.viewer());
        assertThat(huge.status()).as(huge.toString()).isEqualTo(400);
        assertThat(huge.contentType()).startsWith("application/problem+json");
        assertThat(huge.json().get("errors").get(0).get("field").asString()).isEqualTo("page");
        JsonNode past = http().get("/api/reports/alerts?page=100000&size=200", TestTokens.viewer()).json();
        assertThat(past.get("items")).isEmpty();
        assertThat(past.get("page").asInt()).isEqualTo(100000);
    }
}
