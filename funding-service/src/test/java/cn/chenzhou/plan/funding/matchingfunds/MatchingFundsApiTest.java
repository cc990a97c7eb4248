package cn.chenzhou.plan.funding.matchingfunds;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.funding.FundingApiTest;
import cn.chenzhou.plan.chassis.testing.Outboxes;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** County matching funds: the county commits, the finance section records payments, never beyond the commitment. */
class MatchingFundsApiTest extends FundingApiTest {
    private static final String MATCHING = "/api/funding/matching-funds";
    private static final String YIZHANG = "431022";

    private static String commitment(String county, String amount) {
        return """
                {"county":"%s","year":2013,"amount":"%s","committedOn":"2013-03-01","documentNo":"宜政发〔2013〕7号"}"""
                .formatted(county, amount);
    }

    private static String payment(String county, String amount) {
        return """
                {"county":"%s","year":2013,"amount":"%s","paidOn":"2013-06-30","voucherNo":"宜财拨〔2013〕55号"}"""
                .formatted(county, amount);
    }

    @Test
    void aCountyCommitsAndTheFinanceSectionRecordsPaymentsUpToTheCommitment() {
        Outboxes.awaitEmpty(mongo);
        try (EventProbe probe = new EventProbe(Topics.FUNDING)) {
            Http.Response committed = http().post(MATCHING + "/commitments", TestTokens.county(YIZHANG),
                    commitment(YIZHANG, "300000.00"));
            assertThat(committed.status()).as(committed.body()).isEqualTo(201);
            assertThat(committed.header("Location")).isEqualTo(MATCHING + "/" + YIZHANG + "/2013");

            assertThat(http().post(MATCHING + "/payments", TestTokens.finance(), payment(YIZHANG, "200000.00")).status())
                    .isEqualTo(201);
            Http.Response over = http().post(MATCHING + "/payments", TestTokens.finance(), payment(YIZHANG, "100000.01"));
            assertThat(over.status()).isEqualTo(409);
            assertThat(over.json().get("type").asString()).endsWith(":over-payment");
            assertThat(over.json().get("remaining").asString()).isEqualTo("100000.00");

            List<ConsumerRecord<String, byte[]>> events = probe.awaitKeyed("matching-funds-431022-2013", 2, Duration.ofSeconds(20));
            assertThat(events).extracting(Outboxes::type).containsExactly(
                    "cn.chenzhou.plan.matching-funds.committed.v1", "cn.chenzhou.plan.matching-funds.paid.v1");
            assertThat(EventProbe.header(events.get(0), "ce_actor")).isEqualTo("county-431022");
            assertThat(Outboxes.data(events.get(0))).contains("\"amountFen\":30000000", "\"year\":2013");
            assertThat(EventProbe.header(events.get(1), "ce_actor")).isEqualTo("finance-officer");
            assertThat(Outboxes.data(events.get(1))).contains("\"amountFen\":20000000", "\"paidOn\":\"2013-06-30\"");
            assertThat(probe.drain(Duration.ofMillis(800))).hasSize(2);
        }
        JsonNode view = http().get(MATCHING + "/" + YIZHANG + "/2013", TestTokens.county(YIZHANG)).json();
        assertThat(view.get("committed").asString()).isEqualTo("300000.00");
        assertThat(view.get("paid").asString()).isEqualTo("200000.00");
        assertThat(view.get("unpaid").asString()).isEqualTo("100000.00");
    }

    @Test
    void aCommitmentIsTheCountysOwnActAndAPaymentTheFinanceSections() {
        assertThat(http().post(MATCHING + "/commitments", TestTokens.county("431023"), commitment("431027", "1.00"))
                .status()).isEqualTo(403);
        assertThat(http().post(MATCHING + "/commitments", TestTokens.finance(), commitment("431027", "1.00"))
                .status()).isEqualTo(403);
        assertThat(http().post(MATCHING + "/payments", TestTokens.county("431027"), payment("431027", "1.00"))
                .status()).isEqualTo(403);
        Http.Response nothingCommitted = http().post(MATCHING + "/payments", TestTokens.finance(), payment("431027", "1.00"));
        assertThat(nothingCommitted.status()).isEqualTo(409);
        assertThat(nothingCommitted.json().get("remaining").asString()).isEqualTo("0.00");
    }

    @Test
    void aCountyReadsOnlyItsOwnMatchingFunds() {
        assertThat(http().post(MATCHING + "/commitments", TestTokens.county("431028"), commitment("431028", "5000.00"))
                .status()).isEqualTo(201);
        assertThat(http().get(MATCHING + "/431028/2013", TestTokens.county("431026")).status()).isEqualTo(404);
        assertThat(http().get(MATCHING + "?county=431028", TestTokens.county("431026")).json().get("total").asLong()).isZero();
        JsonNode items = http().get(MATCHING + "?county=431028&year=2013", TestTokens.viewer()).json().get("items");
        assertThat(items.size()).isEqualTo(1);
        assertThat(items.get(0).get("county").asString()).isEqualTo("431028");
    }
}
