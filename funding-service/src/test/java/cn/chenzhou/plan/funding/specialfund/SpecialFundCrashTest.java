package cn.chenzhou.plan.funding.specialfund;

import static cn.chenzhou.plan.chassis.testing.Outboxes.about;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chenzhou.plan.chassis.outbox.AggregateCollection;
import cn.chenzhou.plan.chassis.outbox.Aggregates;
import cn.chenzhou.plan.chassis.outbox.ConcurrentUpdateException;
import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.CreditCode;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.funding.FundingInstance;
import cn.chenzhou.plan.chassis.testing.Outboxes;
import cn.chenzhou.plan.funding.command.model.Outcome;
import cn.chenzhou.plan.funding.command.model.Recording;
import cn.chenzhou.plan.funding.command.model.Refused;
import cn.chenzhou.plan.funding.specialfund.model.Allocate;
import cn.chenzhou.plan.funding.specialfund.model.Allocation;
import cn.chenzhou.plan.funding.specialfund.model.Beneficiary;
import cn.chenzhou.plan.funding.specialfund.model.Purpose;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFund;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.OverBudget;
import cn.chenzhou.plan.stack.SharedInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service stopped between any two steps of an allocation — before its write, between the write and the
 * publication, between the publication and the outbox clean-up — loses no money and invents none: what was
 * accepted is allocated and published (as one event, however often it is sent); what was not, is neither.
 */
class SpecialFundCrashTest {
    private static final String DATABASE = "funding_crash_test";
    private static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(SharedInfrastructure.mongoUri(DATABASE));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    private static MongoCollection<Document> funds() {
        return client.getDatabase(DATABASE).getCollection("special_funds");
    }

    private static List<Document> outboxOf(int year) {
        return funds().find(new Document("_id", "special-fund-" + year)).first().getList("_outbox", Document.class);
    }

    private static Http.Response allocate(Http http, int year, String amount, String key) {
        HttpRequest.Builder request = http.builder("/api/funding/special-fund/" + year + "/allocations", TestTokens.finance())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SpecialFundApiTest.allocation("431023", amount, year + "-04-01")));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request);
    }

    private static void open(Http http, int year, String budget) {
        assertThat(http.post("/api/funding/special-fund", TestTokens.finance(), SpecialFundApiTest.open(year, budget))
                .status()).isEqualTo(201);
    }

    @Test
    void whatAnInstanceStoredButDiedBeforePublishingIsPublishedOnceByTheNextAndARetryMovesNoMoreMoney() {
        String firstId;
        try (FundingInstance crashed = FundingInstance.start(DATABASE, "platform.outbox.relay-enabled=false")) {
            Http http = crashed.http();
            open(http, 2008, "1000.00");
            Http.Response first = allocate(http, 2008, "400.00", "officer-1-request-0001");
            assertThat(first.status()).isEqualTo(201);
            firstId = first.json().get("id").asString();
            assertThat(allocate(http, 2008, "700.00", null).status()).isEqualTo(409);
            assertThat(allocate(http, 2008, "600.00", null).status()).isEqualTo(201);
        } // stopped: the writes are stored with their events, none published
        assertThat(outboxOf(2008)).hasSize(3);

        try (EventProbe probe = new EventProbe(Topics.FUNDING);
             FundingInstance next = FundingInstance.start(DATABASE)) {
            List<ConsumerRecord<String, byte[]>> events = probe.awaitKeyed("special-fund-2008", 3, Duration.ofSeconds(60));
            assertThat(events).extracting(Outboxes::type).containsExactly(
                    "cn.chenzhou.plan.special-fund.budget-opened.v1",
                    "cn.chenzhou.plan.special-fund.allocated.v1",
                    "cn.chenzhou.plan.special-fund.allocated.v1");
            assertThat(events).extracting(e -> EventProbe.header(e, "ce_sequence")).containsExactly("1", "2", "3");
            assertThat(Outboxes.data(events.get(1))).contains("\"amountFen\":40000", firstId);
            assertThat(Outboxes.data(events.get(2))).contains("\"amountFen\":60000");

            // the officer never heard the first answer and sends the same allocation again, to the new instance
            Http.Response retried = allocate(next.http(), 2008, "400.00", "officer-1-request-0001");
            // the same answer as the first time (the platform kept it), and no money moves again
            assertThat(retried.status()).isEqualTo(201);
            assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retried.json().get("id").asString()).isEqualTo(firstId);

            assertThat(about(probe.drain(Duration.ofSeconds(2)), "special-fund-2008")).hasSize(3);
            assertThat(outboxOf(2008)).isEmpty();
            var fund = next.http().get("/api/funding/special-fund/2008", TestTokens.finance()).json();
            assertThat(fund.get("allocated").asString()).isEqualTo("1000.00");
            assertThat(fund.get("allocations").asInt()).isEqualTo(2);
        }
    }

    @Test
    void anInstanceThatDiedAfterPublishingButBeforeCleaningItsOutboxRepublishesTheSameEventsNotNewMoney() {
        List<Document> stored;
        try (FundingInstance crashed = FundingInstance.start(DATABASE, "platform.outbox.relay-enabled=false")) {
            open(crashed.http(), 2009, "1000.00");
            assertThat(allocate(crashed.http(), 2009, "250.00", null).status()).isEqualTo(201);
            stored = outboxOf(2009);
        }
        List<String> firstIds;
        try (EventProbe probe = new EventProbe(Topics.FUNDING)) {
            try (FundingInstance publisher = FundingInstance.start(DATABASE)) {
                firstIds = probe.awaitKeyed("special-fund-2009", 2, Duration.ofSeconds(60)).stream()
                        .map(e -> EventProbe.header(e, "ce_id")).toList();
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> outboxOf(2009).isEmpty());
            }
            // as if it had died after Kafka acknowledged the events but before removing them from the document
            funds().updateOne(new Document("_id", "special-fund-2009"),
                    new Document("$set", new Document("_outbox", stored).append("_pending", true)));
            try (FundingInstance next = FundingInstance.start(DATABASE)) {
                List<ConsumerRecord<String, byte[]>> all = probe.awaitKeyed("special-fund-2009", 4, Duration.ofSeconds(60));
                assertThat(all).hasSize(4);
                // the second sending is the same two events — same ids, same sequence — which consumers drop
                assertThat(all.subList(2, 4)).extracting(e -> EventProbe.header(e, "ce_id")).containsExactlyElementsOf(firstIds);
                assertThat(next.http().get("/api/funding/special-fund/2009", TestTokens.finance()).json()
                        .get("allocated").asString()).isEqualTo("250.00");
            }
        }
    }

    @Test
    void aCommandInterruptedBeforeItsWriteLeavesNothingAndPublishesNothing() {
        try (FundingInstance instance = FundingInstance.start(DATABASE)) {
            open(instance.http(), 2010, "1000.00");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> outboxOf(2010).isEmpty());
            SpecialFundStore store = instance.bean(SpecialFundStore.class);
            long versionBefore = store.find(2010).orElseThrow().version();

            try (EventProbe probe = new EventProbe(Topics.FUNDING)) {
                assertThatThrownBy(() -> store.<Allocation>change(2010, fund -> {
                    fund.allocate("alloc-lost", allocation("300.00", 2010), recording());
                    throw new IllegalStateException("power lost after deciding, before writing");
                }, done -> List.of(SpecialFundEventMapping.allocated(2010, done.result())), "finance-officer"))
                        .hasMessageContaining("power lost");

                Versioned<SpecialFund> after = store.find(2010).orElseThrow();
                assertThat(after.version()).isEqualTo(versionBefore);
                assertThat(after.state().allocations()).isEmpty();
                assertThat(outboxOf(2010)).isEmpty();
                assertThat(about(probe.drain(Duration.ofSeconds(2)), "special-fund-2010")).isEmpty();
            }
        }
    }

    @Test
    void aDecisionMadeBeforeAPauseIsNotWrittenOverWhatAnotherInstanceDidMeanwhile() {
        try (FundingInstance paused = FundingInstance.start(DATABASE);
             FundingInstance other = FundingInstance.start(DATABASE)) {
            open(paused.http(), 2011, "1000.00");
            SpecialFundStore store = paused.bean(SpecialFundStore.class);
            Versioned<SpecialFund> loaded = store.find(2011).orElseThrow();
            Outcome<SpecialFund, Allocation> decided = loaded.state().allocate("alloc-late", allocation("800.00", 2011), recording());

            assertThat(allocate(other.http(), 2011, "700.00", null).status()).isEqualTo(201);

            AggregateCollection<SpecialFund> funds = paused.bean(Aggregates.class).collection("special_funds", SpecialFund.class);
            assertThatThrownBy(() -> funds.update(loaded, decided.after(),
                    List.of(SpecialFundEventMapping.allocated(2011, decided.result())), "finance-officer"))
                    .isInstanceOf(ConcurrentUpdateException.class);
            // decided again on what is there now, the same allocation is over budget
            assertThatThrownBy(() -> store.change(2011, fund -> fund.allocate("alloc-late", allocation("800.00", 2011), recording()),
                    done -> List.of(SpecialFundEventMapping.allocated(2011, done.result())), "finance-officer"))
                    .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal())
                            .isEqualTo(new OverBudget(2011, Money.ofYuan(800), Money.ofYuan(1000), Money.ofYuan(300))));
            assertThat(store.find(2011).orElseThrow().state().allocated()).isEqualTo(Money.ofYuan(700));
        }
    }

    private static Allocate allocation(String yuan, int year) {
        return new Allocate(Purpose.MAJOR_ACHIEVEMENT, new Beneficiary("郴州高新技术产业园区某企业",
                new CreditCode("91431023MA4L5EAY54")), "431023", null, Money.parseYuan(yuan), "郴科发〔2013〕20号",
                LocalDate.of(year, 3, 1));
    }

    private static Recording recording() {
        return new Recording(Instant.now(), "finance-officer", null);
    }
}
