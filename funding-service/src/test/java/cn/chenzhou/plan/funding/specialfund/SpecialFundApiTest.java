package cn.chenzhou.plan.funding.specialfund;

import static cn.chenzhou.plan.chassis.testing.Outboxes.about;
import static cn.chenzhou.plan.chassis.testing.Outboxes.data;
import static cn.chenzhou.plan.chassis.testing.Outboxes.type;
import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.funding.FundingApiTest;
import cn.chenzhou.plan.chassis.testing.Outboxes;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The special fund through its API: budgets, allocations, disbursements, revocations — and who may do what. */
class SpecialFundApiTest extends FundingApiTest {
    static final String FUNDS = "/api/funding/special-fund";

    static String allocation(String county, String amount, String allocatedOn) {
        return """
                {"purpose":"KEY_ENTERPRISE",
                 "beneficiary":{"name":"永兴县稀贵金属再生利用有限公司","creditCode":"91431023MA4L5EAY54"},
                 "county":"%s","amount":"%s","approvalDocument":"郴科发〔2013〕12号","allocatedOn":"%s"}"""
                .formatted(county, amount, allocatedOn);
    }

    static String open(int year, String budget) {
        return """
                {"year":%d,"budget":"%s","openedOn":"%d-01-01"}""".formatted(year, budget, year);
    }

    /** Opens a year for one test and waits until its opening is published, so later probes see only the test's events. */
    void openYear(int year, String budget) {
        Http.Response opened = http().post(FUNDS, TestTokens.finance(), open(year, budget));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        Outboxes.awaitEmpty(mongo);
    }

    String allocate(int year, String county, String amount) {
        Http.Response created = http().post(FUNDS + "/" + year + "/allocations", TestTokens.finance(),
                allocation(county, amount, year + "-05-20"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void theConfiguredBudgetsOf2012To2014AreOpenAtTwoMillionYuanEach() {
        Http.Response list = http().get(FUNDS, TestTokens.viewer());
        assertThat(list.status()).isEqualTo(200);
        for (int year = 2012; year <= 2014; year++) {
            Http.Response fund = http().get(FUNDS + "/" + year, TestTokens.county("431023"));
            assertThat(fund.status()).isEqualTo(200);
            assertThat(fund.json().get("budget").asString()).isEqualTo("2000000.00");
            assertThat(fund.json().get("openedOn").asString()).isEqualTo(year + "-01-01");
        }
        assertThat(list.json().findValuesAsString("year")).isNotEmpty();
    }

    @Test
    void financeOpensAnotherYearOnceAndItsOpeningIsPublishedAsTheCitys() {
        try (EventProbe probe = new EventProbe(Topics.FUNDING)) {
            Http.Response opened = http().post(FUNDS, TestTokens.finance(), open(2001, "800000.00"));
            assertThat(opened.status()).isEqualTo(201);
            assertThat(opened.header("Location")).isEqualTo(FUNDS + "/2001");

            Http.Response again = http().post(FUNDS, TestTokens.finance(), open(2001, "900000.00"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("type").asString()).endsWith(":fund-already-open");

            List<ConsumerRecord<String, byte[]>> events = probe.awaitKeyed("special-fund-2001", 1, Duration.ofSeconds(20));
            assertThat(events).hasSize(1);
            assertThat(type(events.get(0))).isEqualTo("cn.chenzhou.plan.special-fund.budget-opened.v1");
            assertThat(EventProbe.header(events.get(0), "ce_county")).isEqualTo("431000");
            assertThat(data(events.get(0))).contains("\"budgetFen\":80000000", "\"openedOn\":\"2001-01-01\"");
            assertThat(about(probe.drain(Duration.ofMillis(800)), "special-fund-2001")).hasSize(1);
        }
        assertThat(http().get(FUNDS + "/2001", TestTokens.finance()).json().get("budget").asString()).isEqualTo("800000.00");
    }

    @Test
    void anAllocationWithinTheBudgetIsPublishedAndOneOverItIsRefusedSayingHowMuchIsLeft() {
        openYear(2002, "100000.00");
        try (EventProbe probe = new EventProbe(Topics.FUNDING)) {
            Http.Response first = http().post(FUNDS + "/2002/allocations", TestTokens.finance(),
                    allocation("431023", "60000.00", "2002-05-20"));
            assertThat(first.status()).isEqualTo(201);
            String id = first.json().get("id").asString();
            assertThat(first.header("Location")).isEqualTo(FUNDS + "/2002/allocations/" + id);
            assertThat(first.json().get("status").asString()).isEqualTo("ALLOCATED");
            assertThat(first.json().get("allocatedOn").asString()).isEqualTo("2002-05-20");
            assertThat(first.json().get("recordedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
            assertThat(first.json().get("recordedBy").asString()).isEqualTo("finance-officer");

            Http.Response over = http().post(FUNDS + "/2002/allocations", TestTokens.finance(),
                    allocation("431081", "40000.01", "2002-05-21"));
            assertThat(over.status()).isEqualTo(409);
            assertThat(over.contentType()).startsWith("application/problem+json");
            assertThat(over.json().get("type").asString()).isEqualTo("urn:cn.chenzhou.plan:problem:over-budget");
            assertThat(over.json().get("remaining").asString()).isEqualTo("40000.00");
            assertThat(over.json().get("detail").asString()).contains("40000.00");

            assertThat(http().post(FUNDS + "/2002/allocations", TestTokens.finance(),
                    allocation("431081", "40000.00", "2002-05-21")).status()).isEqualTo(201);

            List<ConsumerRecord<String, byte[]>> events = probe.awaitKeyed("special-fund-2002", 2, Duration.ofSeconds(20));
            assertThat(events).extracting(Outboxes::type).containsOnly("cn.chenzhou.plan.special-fund.allocated.v1");
            assertThat(events).hasSize(2);
            assertThat(EventProbe.header(events.get(0), "ce_county")).isEqualTo("431023");
            assertThat(EventProbe.header(events.get(0), "ce_actor")).isEqualTo("finance-officer");
            assertThat(data(events.get(0))).contains("\"allocationId\":\"" + id + "\"", "\"amountFen\":6000000",
                    "\"purpose\":\"KEY_ENTERPRISE\"", "\"year\":2002");
            assertThat(about(probe.drain(Duration.ofMillis(800)), "special-fund-2002")).hasSize(2);
        }
        JsonNode fund = http().get(FUNDS + "/2002", TestTokens.finance()).json();
        assertThat(fund.get("allocated").asString()).isEqualTo("100000.00");
        assertThat(fund.get("remaining").asString()).isEqualTo("0.00");
    }

    @Test
    void disbursementsStayInsideTheAllocationAndRevocationReleasesAndClawsBack() {
        openYear(2003, "500000.00");
        String id = allocate(2003, "431023", "200000.00");
        String allocation = FUNDS + "/2003/allocations/" + id;
        Outboxes.awaitEmpty(mongo);
        try (EventProbe probe = new EventProbe(Topics.FUNDING)) {
            Http.Response paid = http().post(allocation + "/disbursements", TestTokens.finance(),
                    "{\"amount\":\"50000.00\",\"disbursedOn\":\"2003-06-01\",\"voucherNo\":\"记-2003-061\"}");
            assertThat(paid.status()).as(paid.body()).isEqualTo(201);
            assertThat(paid.json().get("allocationId").asString()).isEqualTo(id);

            Http.Response over = http().post(allocation + "/disbursements", TestTokens.finance(),
                    "{\"amount\":\"150000.01\",\"disbursedOn\":\"2003-06-02\"}");
            assertThat(over.status()).isEqualTo(409);
            assertThat(over.json().get("type").asString()).endsWith(":over-allocation");
            assertThat(over.json().get("remaining").asString()).isEqualTo("150000.00");

            Http.Response revoked = http().post(allocation + "/revocation", TestTokens.finance(),
                    "{\"revokedOn\":\"2003-09-01\",\"reason\":\"企业未按任务书实施\"}");
            assertThat(revoked.status()).as(revoked.body()).isEqualTo(201);
            assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
            assertThat(revoked.json().get("revocation").get("released").asString()).isEqualTo("150000.00");
            assertThat(revoked.json().get("revocation").get("clawedBack").asString()).isEqualTo("50000.00");

            Http.Response afterRevocation = http().post(allocation + "/disbursements", TestTokens.finance(),
                    "{\"amount\":\"1.00\",\"disbursedOn\":\"2003-09-02\"}");
            assertThat(afterRevocation.status()).isEqualTo(409);
            assertThat(afterRevocation.json().get("type").asString()).endsWith(":allocation-revoked");

            List<ConsumerRecord<String, byte[]>> events = probe.awaitKeyed("special-fund-2003", 2, Duration.ofSeconds(20));
            assertThat(events).extracting(Outboxes::type).containsExactly(
                    "cn.chenzhou.plan.special-fund.disbursed.v1", "cn.chenzhou.plan.special-fund.allocation-revoked.v1");
            assertThat(data(events.get(0))).contains("\"amountFen\":5000000", "\"disbursedOn\":\"2003-06-01\"");
            assertThat(data(events.get(1))).contains("\"releasedFen\":15000000", "\"clawedBackFen\":5000000",
                    "\"reason\":\"企业未按任务书实施\"");
            assertThat(EventProbe.header(events.get(1), "ce_sequence")).isEqualTo("4");
            assertThat(about(probe.drain(Duration.ofMillis(800)), "special-fund-2003")).hasSize(2);
        }
        JsonNode fund = http().get(FUNDS + "/2003", TestTokens.finance()).json();
        assertThat(fund.get("allocated").asString()).isEqualTo("0.00");
        assertThat(fund.get("clawedBack").asString()).isEqualTo("50000.00");
        assertThat(fund.get("remaining").asString()).isEqualTo("450000.00");

        JsonNode ledger = http().get(FUNDS + "/2003/ledger", TestTokens.viewer()).json();
        assertThat(ledger.get("lines").findValuesAsString("entry"))
                .containsExactly("BUDGET_OPENED", "ALLOCATED", "DISBURSED", "REVOKED");
        assertThat(ledger.get("totals").get("balances").get("remaining").asString()).isEqualTo("450000.00");
    }

    @Test
    void theBudgetIsRevisedWithAReasonButNeverBelowWhatIsCommitted() {
        openYear(2004, "300000.00");
        allocate(2004, "431002", "250000.00");
        Http.Response below = http().post(FUNDS + "/2004/budget-revisions", TestTokens.finance(),
                "{\"budget\":\"249999.99\",\"revisedOn\":\"2004-07-01\",\"reason\":\"市财政调减\"}");
        assertThat(below.status()).isEqualTo(409);
        assertThat(below.json().get("type").asString()).endsWith(":budget-below-committed");
        assertThat(below.json().get("committed").asString()).isEqualTo("250000.00");

        Outboxes.awaitEmpty(mongo);
        try (EventProbe probe = new EventProbe(Topics.FUNDING)) {
            Http.Response up = http().post(FUNDS + "/2004/budget-revisions", TestTokens.finance(),
                    "{\"budget\":\"400000.00\",\"revisedOn\":\"2004-07-01\",\"reason\":\"追加预算\"}");
            assertThat(up.status()).as(up.body()).isEqualTo(201);
            assertThat(up.json().get("from").asString()).isEqualTo("300000.00");
            List<ConsumerRecord<String, byte[]>> events = probe.awaitKeyed("special-fund-2004", 1, Duration.ofSeconds(20));
            assertThat(type(events.get(0))).isEqualTo("cn.chenzhou.plan.special-fund.budget-revised.v1");
            assertThat(data(events.get(0))).contains("\"budgetFen\":40000000", "\"reason\":\"追加预算\"");
        }
        assertThat(http().get(FUNDS + "/2004", TestTokens.finance()).json().get("remaining").asString()).isEqualTo("150000.00");
    }

    @Test
    void onlyTheFinanceSectionMovesMoney() {
        String body = allocation("431023", "1.00", "2012-05-20");
        for (String token : List.of(TestTokens.county("431023"), TestTokens.admin(), TestTokens.viewer())) {
            Http.Response refused = http().post(FUNDS + "/2012/allocations", token, body);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(http().post(FUNDS, TestTokens.admin(), open(2005, "1.00")).status()).isEqualTo(403);
        assertThat(http().post(FUNDS + "/2012/budget-revisions", TestTokens.viewer(),
                "{\"budget\":\"1.00\",\"revisedOn\":\"2012-07-01\",\"reason\":\"x\"}").status()).isEqualTo(403);
        assertThat(http().post(FUNDS + "/2012/allocations", null, body).status()).isEqualTo(401);
        assertThat(http().get(FUNDS + "/2012", TestTokens.expired()).status()).isEqualTo(401);
        assertThat(http().get(FUNDS + "/2012/ledger", TestTokens.county("431023")).status()).isEqualTo(403);
        assertThat(http().get(FUNDS + "/2012/ledger.xlsx", TestTokens.county("431023")).status()).isEqualTo(403);
        assertThat(http().get(FUNDS + "/2012/ledger", TestTokens.admin()).status()).isEqualTo(200);
    }

    @Test
    void aCountyPortalSeesOnlyItsOwnCountysAllocations() {
        openYear(2006, "100000.00");
        String yongxing = allocate(2006, "431023", "100.00");
        String zixing = allocate(2006, "431081", "200.00");

        JsonNode own = http().get(FUNDS + "/2006/allocations", TestTokens.county("431023")).json();
        assertThat(own.get("total").asLong()).isEqualTo(1);
        assertThat(own.get("items").findValuesAsString("id")).containsExactly(yongxing);
        assertThat(http().get(FUNDS + "/2006/allocations?county=431081", TestTokens.county("431023")).json()
                .get("total").asLong()).isZero();
        assertThat(http().get(FUNDS + "/2006/allocations/" + zixing, TestTokens.county("431023")).status()).isEqualTo(404);
        assertThat(http().get(FUNDS + "/2006/allocations/" + zixing, TestTokens.county("431081")).status()).isEqualTo(200);
        assertThat(http().get(FUNDS + "/2006/allocations", TestTokens.viewer()).json().get("total").asLong()).isEqualTo(2);
        assertThat(http().get(FUNDS + "/2006/allocations?county=431081&size=1", TestTokens.finance()).json()
                .get("items").findValuesAsString("id")).containsExactly(zixing);
    }

    @Test
    void aCommandRetriedWithItsIdempotencyKeyMovesTheMoneyOnce() {
        openYear(2007, "1000.00");
        String path = FUNDS + "/2007/allocations";
        String body = allocation("431023", "600.00", "2007-03-01");
        try (EventProbe probe = new EventProbe(Topics.FUNDING)) {
            Http.Response first = post(path, body, "b3c1f7e2-0001");
            Http.Response retry = post(path, body, "b3c1f7e2-0001");
            assertThat(first.status()).isEqualTo(201);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());

            Http.Response otherBody = post(path, allocation("431023", "1.00", "2007-03-01"), "b3c1f7e2-0001");
            assertThat(otherBody.status()).isEqualTo(422);
            assertThat(otherBody.json().get("type").asString()).endsWith(":idempotency-key-reused");
            assertThat(post(path, body, "short").status()).isEqualTo(400);

            assertThat(probe.awaitKeyed("special-fund-2007", 1, Duration.ofSeconds(20))).hasSize(1);
            assertThat(about(probe.drain(Duration.ofMillis(800)), "special-fund-2007")).hasSize(1);
        }
        assertThat(http().get(FUNDS + "/2007", TestTokens.finance()).json().get("allocated").asString()).isEqualTo("600.00");
    }

    @Test
    void aRetryTheSharedKeyStoreNoLongerRemembersIsAnsweredFromTheLedgerAndMovesNoMoney() {
        openYear(2019, "1000.00");
        String path = FUNDS + "/2019/allocations";
        String body = allocation("431023", "300.00", "2019-03-01");
        java.util.Date before = new java.util.Date(System.currentTimeMillis() - 1000);
        Http.Response first = post(path, body, "c9d2e4f1-0001");
        assertThat(first.status()).isEqualTo(201);
        // the chassis's record of the key is gone (expired after its retention, or a claim given up after a failure):
        // the fund's ledger line still carries the key, so the retry is recognised there
        mongo.getCollection("idempotency_keys").deleteMany(new org.bson.Document("createdAt", new org.bson.Document("$gte", before)));
        Http.Response retry = post(path, body, "c9d2e4f1-0001");
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(http().get(FUNDS + "/2019", TestTokens.finance()).json().get("allocated").asString()).isEqualTo("300.00");
    }

    @Test
    void anUnknownYearOrAllocationIsNotFound() {
        assertThat(http().get(FUNDS + "/2011", TestTokens.finance()).status()).isEqualTo(404);
        Http.Response none = http().post(FUNDS + "/2011/allocations", TestTokens.finance(),
                allocation("431023", "1.00", "2011-05-20"));
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(http().post(FUNDS + "/2012/allocations/alloc-nope/disbursements", TestTokens.finance(),
                "{\"amount\":\"1.00\",\"disbursedOn\":\"2012-06-01\"}").status()).isEqualTo(404);
    }

    private Http.Response post(String path, String body, String key) {
        return http().send(http().builder(path, TestTokens.finance()).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        Http.Response docs = http().get("/v3/api-docs", TestTokens.admin());
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames()).contains(
                "/api/funding/special-fund/{year}/allocations",
                "/api/funding/special-fund/{year}/allocations/{allocationId}/disbursements",
                "/api/funding/special-fund/{year}/ledger.xlsx",
                "/api/funding/secured-funds/progress",
                "/api/funding/county-statistics/{county}/{year}/revisions",
                "/api/funding/matching-funds/payments");
    }
}
