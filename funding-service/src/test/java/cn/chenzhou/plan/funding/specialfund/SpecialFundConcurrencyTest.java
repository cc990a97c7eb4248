package cn.chenzhou.plan.funding.specialfund;

import static cn.chenzhou.plan.chassis.testing.Outboxes.about;
import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestInfrastructure;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.funding.FundingInstance;
import cn.chenzhou.plan.chassis.testing.Outboxes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Many finance officers at once, on two instances of the service sharing one database, on the real wire server:
 * a year's allocations never exceed its budget and an allocation's disbursements never exceed it; every accepted
 * command is allocated and published as exactly one event, every refused one neither.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpecialFundConcurrencyTest {
    private static final String DATABASE = "funding_race_test";
    private static final int THREADS_PER_INSTANCE = 8;
    private static final int REQUESTS_PER_THREAD = 6;
    private static final Pattern AMOUNT_FEN = Pattern.compile("\"amountFen\":(\\d+)");
    private static FundingInstance second;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, DATABASE);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @BeforeAll
    static void startTheSecondInstance() {
        second = FundingInstance.start(DATABASE);
    }

    @AfterAll
    static void stopTheSecondInstance() {
        second.close();
    }

    @Test
    void twoInstancesStartingTogetherOpenEachConfiguredYearOnce() {
        for (int year = 2012; year <= 2014; year++) {
            JsonNode fund = second.http().get("/api/funding/special-fund/" + year, TestTokens.viewer()).json();
            assertThat(fund.get("budget").asString()).isEqualTo("2000000.00");
            assertThat(fund.get("ledgerLines").asInt()).isEqualTo(1);
            Document stored = mongo.getCollection("special_funds").find(new Document("_id", "special-fund-" + year)).first();
            assertThat(stored.getLong("_sequence")).isEqualTo(1L);
        }
    }

    /** What one request got: its status, the amount it asked for, and the problem's {@code remaining} if refused. */
    record Result(int status, Money requested, String id, String problemType, Money remaining) {
    }

    @Test
    void racingAllocationsFromTwoInstancesNeverExceedTheBudgetAndEachIsPublishedOnce() throws Exception {
        Http one = Http.local(port);
        Http two = second.http();
        assertThat(one.post("/api/funding/special-fund", TestTokens.finance(),
                "{\"year\":2005,\"budget\":\"10000.00\",\"openedOn\":\"2005-01-01\"}").status()).isEqualTo(201);
        Outboxes.awaitEmpty(mongo);

        List<Result> results;
        List<ConsumerRecord<String, byte[]>> events;
        try (EventProbe probe = new EventProbe(Topics.FUNDING)) {
            results = race(one, two, (http, amount) -> http.post("/api/funding/special-fund/2005/allocations",
                    TestTokens.finance(), SpecialFundApiTest.allocation("431023", amount.toYuanString(), "2005-06-01")));
            long accepted = results.stream().filter(r -> r.status() == 201).count();
            probe.await((int) accepted, Duration.ofSeconds(60));
            events = about(probe.drain(Duration.ofSeconds(2)), "special-fund-2005");
        }

        Money budget = Money.ofYuan(10_000);
        List<Result> accepted = results.stream().filter(r -> r.status() == 201).toList();
        List<Result> refused = results.stream().filter(r -> r.status() != 201).toList();
        Money acceptedSum = sum(accepted);
        assertThat(refused).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.problemType()).endsWith(":over-budget");
        });
        assertThat(acceptedSum).isLessThanOrEqualTo(budget);

        JsonNode fund = one.get("/api/funding/special-fund/2005", TestTokens.finance()).json();
        Money allocated = Money.parseYuan(fund.get("allocated").asString());
        Money remaining = Money.parseYuan(fund.get("remaining").asString());
        assertThat(allocated).isEqualTo(acceptedSum);
        assertThat(remaining).isEqualTo(budget.minus(acceptedSum));
        assertThat(fund.get("allocations").asInt()).isEqualTo(accepted.size());
        // no refusal was spurious: each asked for more than was left even at the end
        assertThat(refused).isNotEmpty().allSatisfy(r -> assertThat(r.requested()).isGreaterThan(remaining));
        assertThat(refused).allSatisfy(r -> assertThat(r.remaining()).isLessThan(r.requested()));

        assertPublishedOnceEach(events, accepted, "cn.chenzhou.plan.special-fund.allocated.v1", 2);
        assertThat(eventSum(events)).isEqualTo(acceptedSum);
        assertLedgerBalances(one, 2005);
    }

    @Test
    void racingDisbursementsFromTwoInstancesNeverExceedTheirAllocationAndEachIsPublishedOnce() throws Exception {
        Http one = Http.local(port);
        Http two = second.http();
        assertThat(one.post("/api/funding/special-fund", TestTokens.finance(),
                "{\"year\":2006,\"budget\":\"100000.00\",\"openedOn\":\"2006-01-01\"}").status()).isEqualTo(201);
        Http.Response allocated = two.post("/api/funding/special-fund/2006/allocations", TestTokens.finance(),
                SpecialFundApiTest.allocation("431081", "5000.00", "2006-03-01"));
        assertThat(allocated.status()).isEqualTo(201);
        String id = allocated.json().get("id").asString();
        Outboxes.awaitEmpty(mongo);

        List<Result> results;
        List<ConsumerRecord<String, byte[]>> events;
        try (EventProbe probe = new EventProbe(Topics.FUNDING)) {
            results = race(one, two, (http, amount) -> http.post("/api/funding/special-fund/2006/allocations/" + id
                    + "/disbursements", TestTokens.finance(),
                    "{\"amount\":\"" + amount.toYuanString() + "\",\"disbursedOn\":\"2006-06-01\"}"));
            long accepted = results.stream().filter(r -> r.status() == 201).count();
            probe.await((int) accepted, Duration.ofSeconds(60));
            events = about(probe.drain(Duration.ofSeconds(2)), "special-fund-2006");
        }

        Money allocation = Money.ofYuan(5_000);
        List<Result> accepted = results.stream().filter(r -> r.status() == 201).toList();
        List<Result> refused = results.stream().filter(r -> r.status() != 201).toList();
        Money acceptedSum = sum(accepted);
        assertThat(refused).allSatisfy(r -> assertThat(r.problemType()).endsWith(":over-allocation"));
        assertThat(acceptedSum).isLessThanOrEqualTo(allocation);

        JsonNode view = one.get("/api/funding/special-fund/2006/allocations/" + id, TestTokens.finance()).json();
        Money undisbursed = Money.parseYuan(view.get("undisbursed").asString());
        assertThat(Money.parseYuan(view.get("disbursed").asString())).isEqualTo(acceptedSum);
        assertThat(undisbursed).isEqualTo(allocation.minus(acceptedSum));
        assertThat(view.get("disbursements").size()).isEqualTo(accepted.size());
        assertThat(refused).isNotEmpty().allSatisfy(r -> assertThat(r.requested()).isGreaterThan(undisbursed));

        assertPublishedOnceEach(events, accepted, "cn.chenzhou.plan.special-fund.disbursed.v1", 3);
        assertThat(eventSum(events)).isEqualTo(acceptedSum);
        assertLedgerBalances(one, 2006);
    }

    /** Half the threads on each instance, all released at once, each sending its requests back to back. */
    private List<Result> race(Http one, Http two, BiFunction<Http, Money, Http.Response> command) throws Exception {
        int threads = 2 * THREADS_PER_INSTANCE;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Result>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Http http = t < THREADS_PER_INSTANCE ? one : two;
            Random random = new Random(20130000L + t);
            futures.add(pool.submit(() -> {
                start.await();
                List<Result> mine = new ArrayList<>();
                for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                    // ¥50.00 to ¥400.00 with random fen, so that sums are exact or nothing
                    Money amount = Money.ofFen(5_000 + random.nextInt(35_001));
                    Http.Response r = command.apply(http, amount);
                    JsonNode body = r.json();
                    mine.add(new Result(r.status(), amount, r.status() == 201 ? body.get("id").asString() : null,
                            body.has("type") ? body.get("type").asString() : null,
                            body.has("remaining") ? Money.parseYuan(body.get("remaining").asString()) : null));
                }
                return mine;
            }));
        }
        start.countDown();
        List<Result> all = new ArrayList<>();
        for (Future<List<Result>> f : futures) {
            all.addAll(f.get(5, TimeUnit.MINUTES));
        }
        pool.shutdown();
        assertThat(all).hasSize(threads * REQUESTS_PER_THREAD);
        return all;
    }

    /**
     * Exactly one event per accepted command, none for a refused one: events match the accepted ids one to one and
     * carry consecutive sequence numbers. The two instances' relays lease each document before publishing its
     * outbox, so without a crash no event is sent twice (after a crash a copy would be a true copy — same id and
     * bytes — which consumers drop; that case is the crash test's).
     */
    private static void assertPublishedOnceEach(List<ConsumerRecord<String, byte[]>> events, List<Result> accepted,
                                                String type, int firstSequence) {
        Map<String, ConsumerRecord<String, byte[]>> distinct = new HashMap<>();
        for (ConsumerRecord<String, byte[]> e : events) {
            assertThat(Outboxes.type(e)).isEqualTo(type);
            ConsumerRecord<String, byte[]> earlier = distinct.putIfAbsent(EventProbe.header(e, "ce_id"), e);
            if (earlier != null) {
                assertThat(e.value()).isEqualTo(earlier.value());
                assertThat(EventProbe.header(e, "ce_sequence")).isEqualTo(EventProbe.header(earlier, "ce_sequence"));
            }
        }
        System.out.printf("%s: %d accepted, %d events received, %d distinct%n", type, accepted.size(), events.size(),
                distinct.size());
        assertThat(distinct).hasSize(accepted.size());
        assertThat(events).as("no copies when no instance crashed").hasSize(accepted.size());
        Set<Long> sequences = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> e : distinct.values()) {
            sequences.add(Long.parseLong(EventProbe.header(e, "ce_sequence")));
            String data = Outboxes.data(e);
            accepted.stream().map(Result::id).filter(id -> data.contains("\"" + id + "\"")).forEach(ids::add);
        }
        List<Long> expected = new ArrayList<>();
        for (long s = firstSequence; s < firstSequence + accepted.size(); s++) {
            expected.add(s);
        }
        assertThat(sequences).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids).hasSize(accepted.size());
    }

    private static void assertLedgerBalances(Http http, int year) {
        JsonNode ledger = http.get("/api/funding/special-fund/" + year + "/ledger", TestTokens.finance()).json();
        Money previous = null;
        for (JsonNode line : ledger.get("lines")) {
            Money remaining = Money.parseYuan(line.get("balances").get("remaining").asString());
            assertThat(remaining).isGreaterThanOrEqualTo(Money.ZERO);
            previous = remaining;
        }
        assertThat(previous.toYuanString())
                .isEqualTo(ledger.get("totals").get("balances").get("remaining").asString());
    }

    private static Money sum(List<Result> results) {
        return results.stream().map(Result::requested).reduce(Money.ZERO, Money::plus);
    }

    private static Money eventSum(List<ConsumerRecord<String, byte[]>> events) {
        Map<String, Long> byId = new HashMap<>();
        for (ConsumerRecord<String, byte[]> e : events) {
            Matcher m = AMOUNT_FEN.matcher(Outboxes.data(e));
            assertThat(m.find()).isTrue();
            byId.put(EventProbe.header(e, "ce_id"), Long.parseLong(m.group(1)));
        }
        return Money.ofFen(byId.values().stream().mapToLong(Long::longValue).sum());
    }

}
