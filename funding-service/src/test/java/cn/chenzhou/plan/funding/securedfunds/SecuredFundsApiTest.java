package cn.chenzhou.plan.funding.securedfunds;

import static cn.chenzhou.plan.chassis.testing.Outboxes.data;
import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.funding.FundingApiTest;
import cn.chenzhou.plan.chassis.testing.Outboxes;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Secured funds (F1) through the API: entries, corrections by reversing entries only, progress to ¥150,000,000. */
class SecuredFundsApiTest extends FundingApiTest {
    private static final String SECURED = "/api/funding/secured-funds";

    private static String entry(String county, String level, String amount, String securedOn) {
        return """
                {"county":"%s","level":"%s","programme":"SPARK","projectId":"prj-0b7e5a1c","amount":"%s",
                 "securedOn":"%s","documentNo":"国科发计〔2013〕101号"}""".formatted(county, level, amount, securedOn);
    }

    private String secure(String county, String level, String amount, String securedOn) {
        Http.Response created = http().post(SECURED, TestTokens.finance(), entry(county, level, amount, securedOn));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private Http.Response reverse(String id, String amount, String reason) {
        return http().post(SECURED + "/" + id + "/reversals", TestTokens.finance(),
                "{\"amount\":\"" + amount + "\",\"reversedOn\":\"2013-12-01\",\"reason\":\"" + reason + "\"}");
    }

    @Test
    void anEntryIsPublishedAndCorrectedOnlyByReversingEntriesUpToWhatRemains() {
        Outboxes.awaitEmpty(mongo);
        try (EventProbe probe = new EventProbe(Topics.FUNDING)) {
            String id = secure("431023", "NATIONAL", "3000000.00", "2013-04-01");
            Http.Response r1 = reverse(id, "1000000.00", "重复录入");
            assertThat(r1.status()).as(r1.body()).isEqualTo(201);
            assertThat(r1.json().get("id").asString()).isEqualTo(id + "-R1");

            Http.Response over = reverse(id, "2000000.01", "金额有误");
            assertThat(over.status()).isEqualTo(409);
            assertThat(over.json().get("type").asString()).endsWith(":over-reversal");
            assertThat(over.json().get("remaining").asString()).isEqualTo("2000000.00");

            // each entry is its own subject (Kafka key), so the reversal may reach a reader before the entry it reverses
            List<ConsumerRecord<String, byte[]>> events = probe.await(2, Duration.ofSeconds(20));
            ConsumerRecord<String, byte[]> secured = Outboxes.about(events, id).get(0);
            ConsumerRecord<String, byte[]> reversed = Outboxes.about(events, id + "-R1").get(0);
            assertThat(Outboxes.type(secured)).isEqualTo("cn.chenzhou.plan.funds.secured.v1");
            assertThat(EventProbe.header(secured, "ce_county")).isEqualTo("431023");
            assertThat(data(secured)).contains("\"amountFen\":300000000", "\"level\":\"NATIONAL\"",
                    "\"projectId\":\"prj-0b7e5a1c\"", "\"securedOn\":\"2013-04-01\"");
            assertThat(Outboxes.type(reversed)).isEqualTo("cn.chenzhou.plan.funds.reversed.v1");
            assertThat(data(reversed)).contains("\"reversedEntryId\":\"" + id + "\"", "\"amountFen\":100000000");
            assertThat(probe.drain(Duration.ofMillis(800))).hasSize(2);

            JsonNode view = http().get(SECURED + "/" + id, TestTokens.viewer()).json();
            assertThat(view.get("amount").asString()).isEqualTo("3000000.00");
            assertThat(view.get("reversed").asString()).isEqualTo("1000000.00");
            assertThat(view.get("net").asString()).isEqualTo("2000000.00");
        }
    }

    @Test
    void officersReversingOneEntryAtOnceNeverTakeBackMoreThanItHeld() throws Exception {
        String id = secure("431081", "PROVINCIAL", "5000.00", "2013-05-01");
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            statuses.add(pool.submit(() -> {
                start.await();
                return reverse(id, "1000.00", "冲正").status();
            }));
        }
        start.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> f : statuses) {
            results.add(f.get(2, TimeUnit.MINUTES));
        }
        pool.shutdown();

        assertThat(results).filteredOn(s -> s == 201).hasSize(5);
        assertThat(results).filteredOn(s -> s == 409).hasSize(7);
        JsonNode view = http().get(SECURED + "/" + id, TestTokens.finance()).json();
        assertThat(view.get("net").asString()).isEqualTo("0.00");
        assertThat(view.get("reversals").findValuesAsString("id"))
                .containsExactly(id + "-R1", id + "-R2", id + "-R3", id + "-R4", id + "-R5");
    }

    @Test
    void progressTowardTheTargetCountsThePlanPeriodAsOfADate() {
        JsonNode before = http().get(SECURED + "/progress?asOf=2014-12-31", TestTokens.viewer()).json();
        assertThat(before.get("target").asString()).isEqualTo("150000000.00");
        assertThat(before.get("periodStart").asString()).isEqualTo("2012-01-01");
        Money netBefore = Money.parseYuan(before.get("net").asString());

        String counted = secure("431000", "PROVINCIAL", "12000000.00", "2014-03-01");
        secure("431002", "NATIONAL", "7000000.00", "2011-12-31");
        assertThat(http().post(SECURED + "/" + counted + "/reversals", TestTokens.finance(),
                "{\"amount\":\"2000000.00\",\"reversedOn\":\"2014-06-01\",\"reason\":\"冲正\"}").status()).isEqualTo(201);

        JsonNode after = http().get(SECURED + "/progress?asOf=2014-12-31", TestTokens.viewer()).json();
        assertThat(Money.parseYuan(after.get("net").asString()).minus(netBefore)).isEqualTo(Money.ofYuan(10_000_000));
        assertThat(after.get("byCounty").get("431000")).isNotNull();
        JsonNode earlier = http().get(SECURED + "/progress?asOf=2014-02-28", TestTokens.finance()).json();
        assertThat(Money.parseYuan(earlier.get("net").asString())).isLessThan(Money.parseYuan(after.get("net").asString()));

        JsonNode countyView = http().get(SECURED + "/progress?asOf=2014-12-31", TestTokens.county("431023")).json();
        assertThat(countyView.get("net").asString()).isEqualTo(after.get("net").asString());
        assertThat(countyView.get("byCounty").propertyNames()).isSubsetOf("431023");
    }

    @Test
    void onlyFinanceRecordsAndACountySeesOnlyItsOwnEntries() {
        String yizhang = secure("431022", "NATIONAL", "800000.00", "2012-09-01");
        assertThat(http().post(SECURED, TestTokens.county("431022"), entry("431022", "NATIONAL", "1.00", "2012-09-01"))
                .status()).isEqualTo(403);
        assertThat(http().post(SECURED, TestTokens.admin(), entry("431022", "NATIONAL", "1.00", "2012-09-01"))
                .status()).isEqualTo(403);
        assertThat(reverseAs(TestTokens.viewer(), yizhang).status()).isEqualTo(403);

        assertThat(http().get(SECURED + "/" + yizhang, TestTokens.county("431022")).status()).isEqualTo(200);
        assertThat(http().get(SECURED + "/" + yizhang, TestTokens.county("431023")).status()).isEqualTo(404);
        JsonNode list = http().get(SECURED + "?county=431022", TestTokens.county("431022")).json();
        assertThat(list.get("items").findValuesAsString("county")).containsOnly("431022");
        assertThat(http().get(SECURED, TestTokens.county("431026")).json().get("total").asLong()).isZero();
        assertThat(http().get(SECURED + "?level=NATIONAL&year=2012", TestTokens.finance()).json()
                .get("items").findValuesAsString("id")).contains(yizhang);
    }

    @Test
    void aSecuringRetriedWithItsKeyIsRecordedOnce() {
        HttpRequest.Builder request = http().builder(SECURED, TestTokens.finance())
                .header("Content-Type", "application/json").header("Idempotency-Key", "sf-2013-0415-batch-7")
                .POST(HttpRequest.BodyPublishers.ofString(entry("431025", "PROVINCIAL", "450000.00", "2013-04-15")));
        Http.Response first = http().send(request);
        Http.Response again = http().send(request);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(http().get(SECURED + "?county=431025", TestTokens.finance()).json().get("total").asLong()).isEqualTo(1);
    }

    private Http.Response reverseAs(String token, String id) {
        return http().post(SECURED + "/" + id + "/reversals", token,
                "{\"amount\":\"1.00\",\"reversedOn\":\"2013-12-01\",\"reason\":\"x\"}");
    }
}
