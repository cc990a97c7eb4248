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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Steady load on every service through the gateway, each principal with its own token and the SDK (which retries a
 * command with its Idempotency-Key while the platform is briefly away): the 11 county portals draft and submit
 * projects, register platforms, record achievements and file their yearly statistics; the finance section allocates
 * from the 2014 special fund, disburses and records funds secured; the plan office accredits the registered platforms;
 * a viewer reads the scorecard and the funding progress. Every command's outcome is kept for the reconciliation.
 */
final class LoadGenerator implements AutoCloseable {
    /** A command, by what it does; {@link AnswersVersusStores} knows where each one's effect is stored. */
    enum Kind { DRAFT, SUBMIT, ACHIEVEMENT, STATISTICS, REGISTER, ACCREDIT, ALLOCATE, DISBURSE, SECURE }

    /**
     * ACCEPTED: a 2xx (or "already applied"); REFUSED: a 4xx the domain meant; NOT_SENT: the SDK's own circuit breaker
     * was open, nothing left the client; UNCERTAIN: the SDK gave up — applied at most once, maybe not at all.
     */
    enum Status { ACCEPTED, REFUSED, NOT_SENT, UNCERTAIN }

    /**
     * @param key     what makes the command's effect findable in the owner's store (a title, a document number, …)
     * @param problem the short problem type of a refusal ({@code blank}: the answer was no problem+json), else null
     */
    record Outcome(String principal, Kind kind, String key, Status status, String id, String detail, String problem) {
    }

    /** Problems the SDK reports itself (nothing reached the platform, or nothing came back): not the platform's answer. */
    static final java.util.Set<String> LOCAL_PROBLEMS = java.util.Set.of("unreachable", "auth-unreachable", "circuit-open");

    static final PlatformClient.Settings PATIENT = new PlatformClient.Settings(12, Duration.ofMillis(250),
            Duration.ofSeconds(10), Duration.ofSeconds(5));
    /** One try and a short wait: what a caller without retries is told while part of the platform is away. */
    static final PlatformClient.Settings IMPATIENT = new PlatformClient.Settings(1, Duration.ofMillis(100),
            Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(4));
    static final long ALLOCATION_FEN = 100_000;

    private final Deployment platform;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(14);
    final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String[]> registered = new ConcurrentLinkedQueue<>();
    private final List<PlatformClient> clients = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    final AtomicLong reads = new AtomicLong();
    final AtomicLong failedReads = new AtomicLong();

    LoadGenerator(Deployment platform) {
        this.platform = platform;
    }

    /** Starts every principal's loop: one command every {@code period}. */
    void start(Duration period) {
        for (County county : County.values()) {
            CountyPortal portal = new CountyPortal(county, client("county-" + county.code(), PATIENT));
            every(period, portal::next);
        }
        every(period, new FinanceOfficer(client("finance", PATIENT))::next);
        every(period, new PlanOffice(client("plan-office", PATIENT))::next);
        PlatformClient viewer = client("viewer", PATIENT);
        every(period.multipliedBy(2), () -> read(viewer));
    }

    private void every(Duration period, Runnable turn) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                turn.run();
            } catch (RuntimeException e) {
                // recorded as the outcome already; a loop never dies of one command
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One draft from each county with a client that tries once and waits little: some end uncertain. */
    void impatientDrafts() {
        for (County county : County.values()) {
            try (PlatformClient once = build("county-" + county.code(), IMPATIENT)) {
                new CountyPortal(county, once).draft();
            }
        }
    }

    private PlatformClient client(String clientId, PlatformClient.Settings settings) {
        PlatformClient client = build(clientId, settings);
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    private PlatformClient build(String clientId, PlatformClient.Settings settings) {
        return PlatformClient.builder().gateway(platform.gateway()).authorizationServer(platform.authorizationServer())
                .clientCredentials(clientId, platform.secret(clientId)).settings(settings).build();
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
        synchronized (clients) {
            clients.forEach(PlatformClient::close);
        }
    }

    private void read(PlatformClient viewer) {
        try {
            viewer.get("/api/reports/scorecard");
            viewer.get("/api/reports/funding");
            reads.addAndGet(2);
        } catch (RuntimeException e) {
            failedReads.incrementAndGet();
        }
    }

    private Outcome run(String principal, Kind kind, String key, Supplier<JsonNode> command) {
        Outcome outcome;
        try {
            JsonNode answer = command.get();
            outcome = new Outcome(principal, kind, key, Status.ACCEPTED, answer.path("id").asString(null), null, null);
        } catch (PlatformApiException e) {
            String type = e.problem().shortType();
            Status status = type.equals("command-already-applied") ? Status.ACCEPTED
                    : type.equals("circuit-open") ? Status.NOT_SENT
                    : type.equals("idempotency-key-in-progress") ? Status.UNCERTAIN
                    : e.status() >= 500 || e.status() == 429 || e.status() == 401 ? Status.UNCERTAIN : Status.REFUSED;
            outcome = new Outcome(principal, kind, key, status, (String) e.problem().extensions().get("id"), e.getMessage(),
                    type);
        } catch (RuntimeException e) {
            outcome = new Outcome(principal, kind, key, Status.UNCERTAIN, null, e.toString(), "unreachable");
        }
        outcomes.add(outcome);
        return outcome;
    }

    private static String creditCode(County county, String kind, int n) {
        String first17 = "91" + county.code() + kind + String.format("%05d", n % 100000);
        return first17 + CreditCode.checkCharacter(first17);
    }

    /** Drafts and submits projects; now and then registers a platform, records an achievement, files statistics. */
    private final class CountyPortal {
        private static final Kind[] TURNS = {Kind.DRAFT, Kind.SUBMIT, Kind.DRAFT, Kind.SUBMIT, Kind.REGISTER,
                Kind.ACHIEVEMENT, Kind.STATISTICS};
        private final County county;
        private final PlatformClient client;
        private final String principal;
        private int turn;
        private int nextYear = 2012;
        private String drafted;

        CountyPortal(County county, PlatformClient client) {
            this.county = county;
            this.client = client;
            this.principal = "county-" + county.code();
        }

        void next() {
            Kind kind = TURNS[turn++ % TURNS.length];
            if (kind == Kind.SUBMIT && drafted != null) {
                String id = drafted;
                drafted = null;
                run(principal, Kind.SUBMIT, id, () -> client.post("/api/projects/" + id + "/submit",
                        "{\"version\":1,\"submittedOn\":\"2013-03-05\"}"));
            } else if (kind == Kind.REGISTER) {
                register();
            } else if (kind == Kind.ACHIEVEMENT) {
                achievement();
            } else if (kind == Kind.STATISTICS && nextYear <= 2014) {
                statistics(nextYear++);
            } else {
                draft();
            }
        }

        void draft() {
            int n = sequence.incrementAndGet();
            String title = "负载演练项目-" + county.code() + "-" + n;
            String body = """
                    {"county":"%s","title":"%s","programme":"COUNTY_ECONOMY","level":"MUNICIPAL",
                     "applicant":{"name":"%s科技有限公司","creditCode":"%s"},"requestedAmount":"150000.00",
                     "period":{"start":"2013-03-01","end":"2014-06-30"},
                     "contact":{"name":"张伟","phone":"0735-2221234"},"draftedOn":"2013-03-01"}"""
                    .formatted(county.code(), title, county.chineseName(), creditCode(county, "MA4L", n));
            Outcome o = run(principal, Kind.DRAFT, title, () -> client.post("/api/projects", body));
            drafted = o.status() == Status.ACCEPTED && o.id() != null ? o.id() : null;
        }

        private void register() {
            int n = sequence.incrementAndGet();
            String name = "负载演练平台-" + county.code() + "-" + n;
            String level = n % 3 == 0 ? "PROVINCIAL" : "MUNICIPAL";
            String body = """
                    {"county":"%s","name":"%s","type":"ENGINEERING_RESEARCH_CENTRE","level":"%s",
                     "host":{"name":"%s负载演练企业%d","creditCode":"%s"},"registeredOn":"2013-04-01"}"""
                    .formatted(county.code(), name, level, county.chineseName(), n, creditCode(county, "MA4P", n));
            Outcome o = run(principal, Kind.REGISTER, name, () -> client.post("/api/registry/platforms", body));
            if (o.status() == Status.ACCEPTED && o.id() != null) {
                registered.add(new String[] {o.id(), level});
            }
        }

        private void achievement() {
            int n = sequence.incrementAndGet();
            String title = "负载演练成果-" + county.code() + "-" + n;
            String body = """
                    {"county":"%s","title":"%s","enterprise":{"name":"%s成果转化企业%d","creditCode":"%s"},
                     "transformedOn":"2013-08-01","outputValue":"500000.00","resultSummary":"负载演练：已转化应用。"}"""
                    .formatted(county.code(), title, county.chineseName(), n, creditCode(county, "MA4A", n));
            run(principal, Kind.ACHIEVEMENT, title, () -> client.post("/api/projects/achievements", body));
        }

        private void statistics(int year) {
            String body = """
                    {"county":"%s","year":%d,"fiscalExpenditure":"1500000000.00","fiscalStExpenditure":"20000000.00",
                     "recurringRevenue":"700000000.00","enterpriseRd":"150000000.00","societyRd":"200000000.00",
                     "filedOn":"%d-12-20"}""".formatted(county.code(), year, year);
            run(principal, Kind.STATISTICS, county.code() + "/" + year,
                    () -> client.post("/api/funding/county-statistics", body));
        }
    }

    /** Allocates ¥1,000 from the 2014 special fund; disburses ¥400 of the last; records funds secured. */
    private final class FinanceOfficer {
        private final PlatformClient client;
        private int turn;
        private String lastAllocation;

        FinanceOfficer(PlatformClient client) {
            this.client = client;
        }

        void next() {
            turn++;
            if (turn % 4 == 0) {
                secure();
            } else if (turn % 3 == 0 && lastAllocation != null) {
                String voucher = "LOAD-VOUCHER-" + turn;
                String id = lastAllocation;
                run("finance", Kind.DISBURSE, voucher, () -> client.post(
                        "/api/funding/special-fund/2014/allocations/" + id + "/disbursements",
                        "{\"amount\":\"400.00\",\"disbursedOn\":\"2014-06-20\",\"voucherNo\":\"" + voucher + "\"}"));
            } else {
                allocate();
            }
        }

        private void allocate() {
            County county = County.values()[turn % County.values().length];
            String document = "郴科财〔2014〕LOAD-" + turn + "号";
            String body = """
                    {"purpose":"KEY_ENTERPRISE","county":"%s","amount":"1000.00",
                     "beneficiary":{"name":"%s重点科技创新企业","creditCode":"%s"},"approvalDocument":"%s",
                     "allocatedOn":"2014-06-01"}"""
                    .formatted(county.code(), county.chineseName(), creditCode(county, "MA4R", turn), document);
            Outcome o = run("finance", Kind.ALLOCATE, document, () -> client.post("/api/funding/special-fund/2014/allocations", body));
            if (o.status() == Status.ACCEPTED && o.id() != null) {
                lastAllocation = o.id();
            }
        }

        private void secure() {
            County county = County.values()[turn % County.values().length];
            String document = "湘财教指〔2013〕LOAD-" + turn + "号";
            String body = """
                    {"county":"%s","level":"PROVINCIAL","programme":"COUNTY_ECONOMY","amount":"50000.00",
                     "securedOn":"2013-05-01","documentNo":"%s"}""".formatted(county.code(), document);
            run("finance", Kind.SECURE, document, () -> client.post("/api/funding/secured-funds", body));
        }
    }

    /** Accredits the platforms the counties registered, at the level they registered. */
    private final class PlanOffice {
        private final PlatformClient client;
        private int turn;

        PlanOffice(PlatformClient client) {
            this.client = client;
        }

        void next() {
            String[] platform = registered.poll();
            if (platform == null) {
                return;
            }
            String document = "郴科认〔2013〕LOAD-" + ++turn + "号";
            String body = """
                    {"level":"%s","accreditingBody":"郴州市科学技术局","documentNo":"%s","accreditedOn":"2013-06-01"}"""
                    .formatted(platform[1], document);
            run("plan-office", Kind.ACCREDIT, platform[0] + "|" + document,
                    () -> client.post("/api/registry/platforms/" + platform[0] + "/accreditation", body));
        }
    }
}
