package cn.chenzhou.plan.funding.specialfund;

import static cn.chenzhou.plan.chassis.testing.Outboxes.data;
import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.Outboxes;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.funding.FundingApiTest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A budget above the plan's yearly figure (¥2,000,000) through the API: finance's opening or revision of it is a
 * proposal (202) that changes nothing; the plan office — and not finance, not the proposer — approves it, and only then
 * does it count, with the events that say so; a rejected one leaves the budget as it was.
 */
class BudgetProposalApiTest extends FundingApiTest {
    static final String FUNDS = "/api/funding/special-fund";
    static final String PROPOSALS = FUNDS + "/budget-proposals";

    private static String revision(String budget, String revisedOn) {
        return "{\"budget\":\"" + budget + "\",\"revisedOn\":\"" + revisedOn + "\",\"reason\":\"市政府追加专项资金\"}";
    }

    @Test
    void financeAloneCannotRaiseAYearsBudgetAboveThePlansFigure() {
        open(2016, "2000000.00");
        Outboxes.awaitEmpty(mongo);
        try (EventProbe probe = new EventProbe(Topics.FUNDING)) {
            Http.Response proposed = http().post(FUNDS + "/2016/budget-revisions", TestTokens.finance(),
                    revision("9000000.00", "2016-03-01"));
            assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
            String id = proposed.json().get("id").asString();
            assertThat(proposed.header("Location")).isEqualTo(PROPOSALS + "/" + id);
            assertThat(proposed.json().get("status").asString()).isEqualTo("PENDING");
            assertThat(proposed.json().get("planFigure").asString()).isEqualTo("2000000.00");

            // nothing counts yet: the budget is what it was, and the allocation that needs the raise is refused
            JsonNode fund = http().get(FUNDS + "/2016", TestTokens.viewer()).json();
            assertThat(fund.get("budget").asString()).isEqualTo("2000000.00");
            assertThat(fund.get("pendingProposalId").asString()).isEqualTo(id);
            assertThat(http().post(FUNDS + "/2016/allocations", TestTokens.finance(),
                    SpecialFundApiTest.allocation("431023", "5000000.00", "2016-04-01")).status()).isEqualTo(409);

            // neither finance nor a county approves; nor does finance revise again while it waits
            assertThat(http().post(PROPOSALS + "/" + id + "/approval", TestTokens.finance(), "{}").status()).isEqualTo(403);
            assertThat(http().post(PROPOSALS + "/" + id + "/approval", TestTokens.county("431023"), "{}").status()).isEqualTo(403);
            Http.Response meanwhile = http().post(FUNDS + "/2016/budget-revisions", TestTokens.finance(),
                    revision("1500000.00", "2016-03-02"));
            assertThat(meanwhile.status()).isEqualTo(409);
            assertThat(meanwhile.json().get("type").asString()).endsWith(":budget-proposal-pending");

            List<ConsumerRecord<String, byte[]>> events = probe.awaitKeyed("special-fund-2016", 1, Duration.ofSeconds(20));
            assertThat(Outboxes.type(events.get(0))).isEqualTo("cn.chenzhou.plan.special-fund.budget-proposed.v1");
            assertThat(data(events.get(0))).contains("\"budgetFen\":900000000", "\"planFigureFen\":200000000",
                    "\"kind\":\"REVISION\"", "\"proposalId\":\"" + id + "\"");
            assertThat(Outboxes.about(probe.drain(Duration.ofMillis(800)), "special-fund-2016")).hasSize(1);

            Http.Response approved = http().post(PROPOSALS + "/" + id + "/approval", TestTokens.admin(),
                    "{\"note\":\"经领导小组办公室审定\"}");
            assertThat(approved.status()).as(approved.toString()).isEqualTo(201);
            assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
            assertThat(approved.json().get("decidedBy").asString()).isEqualTo("plan-office");

            List<ConsumerRecord<String, byte[]>> decided = probe.awaitKeyed("special-fund-2016", 3, Duration.ofSeconds(20));
            assertThat(decided.subList(1, 3)).extracting(Outboxes::type).containsExactly(
                    "cn.chenzhou.plan.special-fund.budget-proposal-approved.v1",
                    "cn.chenzhou.plan.special-fund.budget-revised.v1");
            assertThat(EventProbe.header(decided.get(1), "ce_actor")).isEqualTo("plan-office");
            assertThat(data(decided.get(2))).contains("\"budgetFen\":900000000", "\"revisedOn\":\"2016-03-01\"",
                    "\"proposalId\":\"" + id + "\"");
        }
        JsonNode fund = http().get(FUNDS + "/2016", TestTokens.viewer()).json();
        assertThat(fund.get("budget").asString()).isEqualTo("9000000.00");
        assertThat(fund.hasNonNull("pendingProposalId")).isFalse();
        JsonNode revisions = http().get(FUNDS + "/2016/budget-revisions", TestTokens.viewer()).json();
        assertThat(revisions.get(0).get("recordedBy").asString()).isEqualTo("plan-office");
        assertThat(http().post(PROPOSALS + "/bp-2016-00000000-0000-0000-0000-000000000000/approval", TestTokens.admin(),
                "{}").status()).isEqualTo(404);
    }

    @Test
    void aRejectedProposalLeavesTheBudgetAndTheRevisionDatesRunForward() {
        open(2017, "1500000.00");
        Http.Response proposed = http().post(FUNDS + "/2017/budget-revisions", TestTokens.finance(),
                revision("2500000.00", "2017-06-01"));
        assertThat(proposed.status()).isEqualTo(202);
        String id = proposed.json().get("id").asString();
        Http.Response rejected = http().post(PROPOSALS + "/" + id + "/rejection", TestTokens.admin(),
                "{\"reason\":\"超出三年行动计划年度额度\"}");
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(201);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(http().post(PROPOSALS + "/" + id + "/approval", TestTokens.admin(), "{}").status()).isEqualTo(409);
        assertThat(http().get(FUNDS + "/2017", TestTokens.viewer()).json().get("budget").asString()).isEqualTo("1500000.00");

        // within the figure finance revises alone, but never dated before the budget in force
        assertThat(http().post(FUNDS + "/2017/budget-revisions", TestTokens.finance(), revision("1800000.00", "2017-05-01"))
                .status()).isEqualTo(201);
        Http.Response backdated = http().post(FUNDS + "/2017/budget-revisions", TestTokens.finance(),
                revision("1900000.00", "2003-05-01"));
        assertThat(backdated.status()).as(backdated.toString()).isEqualTo(400);
        assertThat(backdated.json().get("errors").get(0).get("field").asString()).isEqualTo("revisedOn");

        // an allocation belongs to its fund's year
        Http.Response late = http().post(FUNDS + "/2017/allocations", TestTokens.finance(),
                SpecialFundApiTest.allocation("431023", "1000.00", "2018-01-02"));
        assertThat(late.status()).as(late.toString()).isEqualTo(400);
        assertThat(late.json().get("errors").get(0).get("field").asString()).isEqualTo("allocatedOn");

        JsonNode listed = http().get(PROPOSALS + "?year=2017&status=REJECTED", TestTokens.county("431002")).json();
        assertThat(listed.get("items").findValuesAsString("id")).containsExactly(id);
    }

    @Test
    void anOpeningAboveTheFigureOpensTheYearOnlyWhenApproved() {
        Http.Response proposed = http().post(FUNDS, TestTokens.finance(),
                "{\"year\":2018,\"budget\":\"3000000.00\",\"openedOn\":\"2018-01-01\",\"reason\":\"省配套\"}");
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
        assertThat(proposed.json().get("kind").asString()).isEqualTo("OPENING");
        assertThat(http().get(FUNDS + "/2018", TestTokens.viewer()).status()).isEqualTo(404);
        assertThat(http().get(FUNDS, TestTokens.viewer()).json().findValuesAsString("year")).doesNotContain("2018");

        Http.Response approved = http().post(PROPOSALS + "/" + proposed.json().get("id").asString() + "/approval",
                TestTokens.admin(), "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(201);
        JsonNode fund = http().get(FUNDS + "/2018", TestTokens.viewer()).json();
        assertThat(fund.get("budget").asString()).isEqualTo("3000000.00");
        assertThat(fund.get("openedOn").asString()).isEqualTo("2018-01-01");
    }

    private void open(int year, String budget) {
        Http.Response opened = http().post(FUNDS, TestTokens.finance(),
                "{\"year\":" + year + ",\"budget\":\"" + budget + "\",\"openedOn\":\"" + year + "-01-01\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    }
}
