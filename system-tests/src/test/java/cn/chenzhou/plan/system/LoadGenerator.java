package cn.chenzhou.plan.system;

import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.contracts.CreditCode;
import cn.chenzhou.plan.sdk.PlatformApiException;
import cn.chenzhou.plan.sdk.PlatformClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Steady load from the 11 county portals (each drafting and submitting projects) and the finance section
 * (allocating from the 2014 special fund and disbursing), through the gateway with the SDK — which retries a
 * command with its Idempotency-Key when the platform is briefly away. Every command's outcome is recorded for
 * the reconciliation: accepted (2xx), refused (a 4xx the domain meant), or uncertain (the SDK gave up: the
 * command may or may not have been applied, and must not have been applied twice).
 */
final class LoadGenerator implements AutoCloseable {
    enum Kind { DRAFT, SUBMIT, ALLOCATE, DISBURSE }

    /**
     * ACCEPTED: a 2xx (or "already applied"); REFUSED: a 4xx the domain meant; NOT_SENT: the SDK's own circuit breaker
     * was open, nothing left the client; UNCERTAIN: the SDK gave up — applied at most once, maybe not at all.
     */
    enum Status { ACCEPTED, REFUSED, NOT_SENT, UNCERTAIN }

    /** @param key what makes the command's effect findable in the owner's store (title, approval document, voucher) */
    record Outcome(String principal, Kind kind, String key, Status status, String id, String detail) {
    }

    static final PlatformClient.Settings PATIENT = new PlatformClient.Settings(12, Duration.ofMillis(250),
            Duration.ofSeconds(10), Duration.ofSeconds(5));
    static final long ALLOCATION_FEN = 100_000;
    static final long DISBURSEMENT_FEN = 40_000;

    private final PlatformContainers platform;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(12);
    final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final List<PlatformClient> clients = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();

    LoadGenerator(PlatformContainers platform) {
        this.platform = platform;
    }

    /** Starts every principal's loop: one command every {@code period}. */
    void start(Duration period) {
        for (County county : County.values()) {
            PlatformClient client = client("county-" + county.code());
            CountyPortal portal = new CountyPortal(county, client);
            scheduler.scheduleWithFixedDelay(portal::next, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        }
        FinanceOfficer finance = new FinanceOfficer(client("finance"));
        scheduler.scheduleWithFixedDelay(finance::next, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private PlatformClient client(String clientId) {
        PlatformClient client = PlatformClient.builder().gateway(platform.gateway())
                .authorizationServer(platform.authorizationServer())
                .clientCredentials(clientId, platform.secret(clientId)).settings(PATIENT).build();
        clients.add(client);
        return client;
    }

    void stop() throws InterruptedException {
        scheduler.shutdown();
        if (!scheduler.awaitTermination(3, TimeUnit.MINUTES)) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        clients.forEach(PlatformClient::close);
    }

    private Outcome run(String principal, Kind kind, String key, java.util.function.Supplier<JsonNode> command) {
        Outcome outcome;
        try {
            JsonNode answer = command.get();
            outcome = new Outcome(principal, kind, key, Status.ACCEPTED, answer.path("id").asString(null), null);
        } catch (PlatformApiException e) {
            boolean applied = e.problem().shortType().equals("command-already-applied");
            boolean stillRunning = e.problem().shortType().equals("idempotency-key-in-progress");
            Status status = applied ? Status.ACCEPTED
                    : e.problem().shortType().equals("circuit-open") ? Status.NOT_SENT
                    : stillRunning ? Status.UNCERTAIN
                    : e.status() >= 500 || e.status() == 429 || e.status() == 401 ? Status.UNCERTAIN : Status.REFUSED;
            outcome = new Outcome(principal, kind, key, status, (String) e.problem().extensions().get("id"), e.getMessage());
        } catch (RuntimeException e) {
            outcome = new Outcome(principal, kind, key, Status.UNCERTAIN, null, e.toString());
        }
        outcomes.add(outcome);
        return outcome;
    }

    /** Drafts a project, then submits it, and so on. */
    private final class CountyPortal {
        private final County county;
        private final PlatformClient client;
        private String drafted;

        CountyPortal(County county, PlatformClient client) {
            this.county = county;
            this.client = client;
        }

        void next() {
            String principal = "county-" + county.code();
            if (drafted == null) {
                String title = "负载演练项目-" + county.code() + "-" + sequence.incrementAndGet();
                String first17 = "91" + county.code() + "MA4L" + String.format("%05d", sequence.get() % 100000);
                String code = first17 + CreditCode.checkCharacter(first17);
                String body = """
                        {"county":"%s","title":"%s","programme":"COUNTY_ECONOMY","level":"MUNICIPAL",
                         "applicant":{"name":"%s科技有限公司","creditCode":"%s"},"requestedAmount":"150000.00",
                         "period":{"start":"2013-03-01","end":"2014-06-30"},
                         "contact":{"name":"张伟","phone":"0735-2221234"},"draftedOn":"2013-03-01"}"""
                        .formatted(county.code(), title, county.chineseName(), code);
                Outcome o = run(principal, Kind.DRAFT, title, () -> client.post("/api/projects", body));
                drafted = o.status() == Status.ACCEPTED && o.id() != null ? o.id() : null;
            } else {
                String id = drafted;
                drafted = null;
                run(principal, Kind.SUBMIT, id, () -> client.post("/api/projects/" + id + "/submit",
                        "{\"version\":1,\"submittedOn\":\"2013-03-05\"}"));
            }
        }
    }

    /** Allocates ¥1,000 from the 2014 special fund; every third turn disburses ¥400 of the last allocation. */
    private final class FinanceOfficer {
        private final PlatformClient client;
        private int turn;
        private String lastAllocation;

        FinanceOfficer(PlatformClient client) {
            this.client = client;
        }

        void next() {
            turn++;
            if (turn % 3 == 0 && lastAllocation != null) {
                String voucher = "LOAD-VOUCHER-" + turn;
                String id = lastAllocation;
                run("finance", Kind.DISBURSE, voucher, () -> client.post(
                        "/api/funding/special-fund/2014/allocations/" + id + "/disbursements",
                        "{\"amount\":\"400.00\",\"disbursedOn\":\"2014-06-20\",\"voucherNo\":\"" + voucher + "\"}"));
                return;
            }
            County county = County.values()[turn % County.values().length];
            String document = "郴科财〔2014〕LOAD-" + turn + "号";
            String first17 = "91" + county.code() + "MA4R" + String.format("%05d", turn % 100000);
            String code = first17 + CreditCode.checkCharacter(first17);
            String body = """
                    {"purpose":"KEY_ENTERPRISE","county":"%s","amount":"1000.00",
                     "beneficiary":{"name":"%s重点科技创新企业","creditCode":"%s"},"approvalDocument":"%s",
                     "allocatedOn":"2014-06-01"}"""
                    .formatted(county.code(), county.chineseName(), code, document);
            Outcome o = run("finance", Kind.ALLOCATE, document, () -> client.post("/api/funding/special-fund/2014/allocations", body));
            if (o.status() == Status.ACCEPTED && o.id() != null) {
                lastAllocation = o.id();
            }
        }
    }
}
