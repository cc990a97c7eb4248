package cn.chenzhou.plan.benchmark;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The platform's benchmark: starts the embedded stack as {@code ./platform up} does (or attaches to a running
 * one), loads it, and prints and writes six groups of figures, each with its method — gateway cost, write throughput,
 * event freshness, rebuild speed, the machine's baseline limits and the footprint. See {@link Options#USAGE}.
 */
public final class Benchmark {
    private static final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final String READ = "GET /api/projects/{id}";

    private final Options o;
    private final Report report;
    private PlatformUnderTest platform;
    private Http http;
    private Workload workload;
    private Map<String, Long> processes = Map.of();
    private Tokens tokens;
    private final List<String> sections = new ArrayList<>();

    private Benchmark(Options options) {
        this.o = options;
        this.report = new Report(options.label());
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path home = Path.of(System.getProperty("platform.home", ".")).toAbsolutePath().normalize();
        if (args.length > 0 && args[0].equals("compare")) {
            if (args.length != 3) {
                System.err.println(Options.USAGE);
                System.exit(2);
            }
            String table = Report.compare(Path.of(args[1]), Path.of(args[2]));
            out.println(table);
            return;
        }
        Options options;
        try {
            options = Options.parse(args, home);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        Benchmark benchmark = new Benchmark(options);
        try {
            benchmark.run();
        } finally {
            benchmark.close();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        double[] loadAtStart = loadAverage();
        report.run("started", Instant.now().toString());
        report.run("commit", System.getenv().getOrDefault("BENCHMARK_COMMIT", "unknown"));
        report.run("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.run("load average at start (1/5/15 min)", format(loadAtStart));
        report.run("service JVM flags", System.getenv().getOrDefault("PLATFORM_SERVICE_JAVA_OPTS", "the launcher's defaults"));
        if (loadAtStart[0] >= 1.5) {
            out.printf("note: the machine is busy (load average %.2f): figures will be lower and noisier than on an idle machine%n",
                    loadAtStart[0]);
        }
        out.println("== starting the platform");
        startPlatform();
        http = new Http(2);
        tokens = tokens();
        workload = new Workload(tokens);

        if (o.runs("footprint")) {
            out.printf("== footprint: waiting %d s for the platform to settle%n", o.settle().toSeconds());
            Thread.sleep(o.settle().toMillis());
            Map<String, Double> idle = Footprint.residentMiB(processes);
            report.detail("resident memory at idle (MiB)", idle);
            report.row("footprint.idle.rss", "6 Footprint", "resident memory at idle, every process (MiB)",
                    idle.getOrDefault("total", Double.NaN), "MiB",
                    "VmRSS of the launcher (Kafka + MongoDB-wire) and of each service JVM, " + o.settle().toSeconds()
                            + " s after READY");
            out.println("  idle resident memory (MiB): " + idle);
        }
        if (o.runs("baselines")) {
            phase("baselines", this::baselines);
        }
        Footprint.PeakSampler peaks = new Footprint.PeakSampler(processes);
        List<String> readIds = seedProjects();
        if (o.runs("gateway")) {
            phase("gateway", () -> gatewayCost(readIds));
        }
        if (o.runs("writes")) {
            phase("writes", this::writes);
        }
        peaks.close();
        if (o.runs("footprint")) {
            Map<String, Double> peak = peaks.peaks();
            report.detail("resident memory, peak under load (MiB)", peak);
            report.row("footprint.load.rss", "6 Footprint", "resident memory under load, peak of the sum (MiB)",
                    peak.getOrDefault("total", Double.NaN), "MiB",
                    "VmRSS sampled every second during the gateway and write phases");
        }
        if (o.runs("rebuild")) {
            phase("rebuild", this::rebuild);
        }
        if (o.runs("workbench")) {
            phase("workbench", this::workbench);
        }
        if (o.runs("footprint")) {
            Thread.sleep(Math.min(10_000, o.settle().toMillis()));
            Map<String, Double> after = Footprint.residentMiB(processes);
            report.detail("resident memory at idle after the run (MiB)", after);
            report.row("footprint.after.rss", "6 Footprint", "resident memory at idle after the run (MiB)",
                    after.getOrDefault("total", Double.NaN), "MiB", "VmRSS of every process after all load phases");
            sections.add(memoryTable());
        }
        report.run("load average at end (1/5/15 min)", format(loadAverage()));
        report.run("gateway rate limit", platform.started() ? "raised to 1,000,000 requests/s and 100,000 in flight per client (GATEWAY_RATE_LIMIT, GATEWAY_MAX_IN_FLIGHT)"
                : "as configured on the attached platform");
        goals();
        report.write(o.out());
        String md = report.markdown();
        StringBuilder all = new StringBuilder(md);
        for (String s : sections) {
            all.append('\n').append(s);
        }
        Files.writeString(o.out().resolve(o.label() + ".md"), all.toString(), StandardCharsets.UTF_8);
        Files.writeString(o.out().resolve("latest.md"), all.toString(), StandardCharsets.UTF_8);
        out.println();
        out.println(all);
        out.println("written: " + o.out().resolve(o.label() + ".json") + " and " + o.out().resolve(o.label() + ".md"));
    }

    private interface Phase {
        void run() throws Exception;
    }

    /** Runs a group of figures; if it fails, says so in the results and goes on with the others. */
    private void phase(String name, Phase phase) {
        try {
            phase.run();
        } catch (Exception | Error e) {
            out.println("  ✗ " + name + " failed: " + e);
            report.run("failed: " + name, String.valueOf(e.getMessage()));
        }
    }

    // ---- the workbench in a browser ----------------------------------------------------------------------

    private static final int PAGE_LOADS = 30;
    private static final int ROUND_TRIPS = 30;

    private void workbench() throws Exception {
        if (!WorkbenchSpeed.available()) {
            out.println("== workbench: skipped — Chromium is not installed (/usr/bin/chromium, /usr/bin/chromedriver)");
            report.run("skipped: workbench", "Chromium is not installed");
            return;
        }
        out.println("== workbench: page loads and form round trips in headless Chromium");
        try (WorkbenchSpeed browser = new WorkbenchSpeed(platform.gateway())) {
            browser.signIn("staff-431023", platform.password("staff-431023"));
            browser.pageLoads("/projects", 3);
            browser.draftRoundTrips("431023", 3);
            List<Double> loads = browser.pageLoads("/projects", PAGE_LOADS);
            List<Double> trips = browser.draftRoundTrips("431023", ROUND_TRIPS);
            String loadMethod = PAGE_LOADS + " full loads of the county's project list (a new document each: HTML, modules, "
                    + "the session, the list's API reads), from navigation start to the list drawn; after 3 not counted";
            String tripMethod = ROUND_TRIPS + " drafts saved by a county's staff: from the click on save to the saved project's "
                    + "page drawn (POST, then the project and its history read); after 3 not counted";
            report.row("workbench.load.p50", "7 Workbench", "page load until usable, p50 (ms)", WorkbenchSpeed.percentile(loads, 0.5), "ms", loadMethod);
            report.row("workbench.load.p95", "7 Workbench", "page load until usable, p95 (ms)", WorkbenchSpeed.percentile(loads, 0.95), "ms", loadMethod);
            report.row("workbench.roundtrip.p50", "7 Workbench", "form round trip, p50 (ms)", WorkbenchSpeed.percentile(trips, 0.5), "ms", tripMethod);
            report.row("workbench.roundtrip.p95", "7 Workbench", "form round trip, p95 (ms)", WorkbenchSpeed.percentile(trips, 0.95), "ms", tripMethod);
            out.printf("  page load p50 %.0f ms, p95 %.0f ms; form round trip p50 %.0f ms, p95 %.0f ms%n",
                    WorkbenchSpeed.percentile(loads, 0.5), WorkbenchSpeed.percentile(loads, 0.95),
                    WorkbenchSpeed.percentile(trips, 0.5), WorkbenchSpeed.percentile(trips, 0.95));
        }
    }

    // ---- the platform ------------------------------------------------------------------------------------

    private void startPlatform() throws Exception {
        if (o.attach()) {
            platform = PlatformUnderTest.attach(System.getenv(), o.home());
            out.println("  attached to " + platform.gateway() + " (data in " + platform.dataDir() + ")");
        } else {
            Path data = Files.createTempDirectory("platform-benchmark");
            Map<String, String> env = new LinkedHashMap<>();
            env.put("GATEWAY_RATE_LIMIT", "1000000");
            env.put("GATEWAY_RATE_LIMIT_PERIOD", "1s");
            env.put("GATEWAY_RATE_LIMIT_OVERRIDES", "");
            env.put("GATEWAY_MAX_IN_FLIGHT", "100000");
            // the demo plan would load while the figures are taken, and add unrelated events to the rebuild
            env.put("PLATFORM_DEMO", "false");
            String launcherOptions = System.getenv().getOrDefault("PLATFORM_JAVA_OPTS", "-Xms128m -Xmx1g -XX:+UseSerialGC");
            platform = PlatformUnderTest.start(o.home(), data, env, launcherOptions, Duration.ofMinutes(5), out);
            out.printf("  READY after %.1f s%n", platform.readySeconds());
            report.row("footprint.ready", "6 Footprint", "time from start to READY (s)", platform.readySeconds(), "s",
                    "wall time from starting the launcher (as ./platform up does, fresh data directory) to its READY line");
            report.detail("healthy after (s, as the launcher reports)", platform.healthyAfter());
        }
        processes = platform.processes();
        report.detail("processes", processes);
    }

    /** Every client's first token, before any load: a token is renewed on the way, as the SDK renews its own. */
    private Tokens tokens() {
        Tokens t = new Tokens(platform, http);
        for (String client : Workload.writers()) {
            t.of(client);
        }
        t.of("viewer");
        t.of("plan-office");
        return t;
    }

    /** Ten projects drafted per county, for the read phases. */
    private List<String> seedProjects() {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            for (String county : Workload.COUNTIES) {
                Workload.Command c = workload.draft(county, 1_000_000L + n);
                Http.Reply r = workload.send(http, platform.gateway(), c, "seed", ids.size()).join();
                if (!r.ok()) {
                    throw new IllegalStateException("could not draft a project to read: " + r.status() + " " + r.body());
                }
                ids.add(r.createdId());
            }
        }
        return ids;
    }

    // ---- figure 5: baselines ------------------------------------------------------------------------------

    private static final int MANY_WRITERS = 64;
    private static final String DURABLE = "; each insert acknowledged once the store's group commit has written and"
            + " fsynced it";

    private void baselines() throws Exception {
        out.println("== baselines: what the machine allows");
        Baselines.Rate mongo = Baselines.mongoInserts(platform.mongoUri(), o.mongoThreads(), o.baselineDuration());
        out.printf("  MongoDB-wire inserts: %,.0f /s%n", mongo.perSecond());
        report.row("baseline.mongo", "5 Baseline limits", "MongoDB-wire inserts/s (bare driver)", mongo.perSecond(), "/s", mongo.method()
                + ", " + o.baselineDuration().toSeconds() + " s" + DURABLE);
        // the store acknowledges a write once it is on disk, and puts all writes waiting at that moment on disk with
        // one fsync: how many inserts a second it takes depends on how many callers wait together
        Baselines.Rate many = Baselines.mongoInserts(platform.mongoUri(), MANY_WRITERS, o.baselineDuration());
        out.printf("  MongoDB-wire inserts, %d writers: %,.0f /s%n", MANY_WRITERS, many.perSecond());
        report.row("baseline.mongo.many", "5 Baseline limits", "MongoDB-wire inserts/s (bare driver, " + MANY_WRITERS
                + " writers)", many.perSecond(), "/s", many.method() + ", " + o.baselineDuration().toSeconds() + " s" + DURABLE);
        Baselines.Rate kafka = Baselines.kafkaProduce(platform.kafkaClient(), o.kafkaRecords());
        out.printf("  Kafka produce: %,.0f records/s%n", kafka.perSecond());
        report.row("baseline.kafka", "5 Baseline limits", "Kafka records/s produced (bare producer)", kafka.perSecond(), "/s",
                kafka.method());
        report.detail("baselines", List.of(mongo, many, kafka));
    }

    // ---- figure 1: gateway cost --------------------------------------------------------------------------

    private void gatewayCost(List<String> readIds) throws Exception {
        out.println("== gateway cost: the same read and the same write, through the gateway and straight to project-service");
        String gateway = platform.gateway();
        String direct = platform.url("PROJECT_SERVICE_PORT");
        int callers = o.gatewayCallers();
        LoadGenerator.Call readGateway = i -> read(gateway, readIds, i);
        LoadGenerator.Call readDirect = i -> read(direct, readIds, i);
        compare("read", READ + " by the 11 county portals (each its own county's projects)", callers, readGateway, readDirect);
        LoadGenerator.Call writeGateway = i -> workload.send(http, gateway, workload.countyDraft(i), "gw-write", i);
        LoadGenerator.Call writeDirect = i -> workload.send(http, direct, workload.countyDraft(i), "direct-write", i);
        compare("write", "POST /api/projects (draft) by the 11 county portals, with an Idempotency-Key", callers,
                writeGateway, writeDirect);
    }

    private java.util.concurrent.CompletableFuture<Http.Reply> read(String base, List<String> ids, long i) {
        String id = ids.get((int) (i % ids.size()));
        // ids were drafted county by county in turn: id k belongs to county k % 11
        String county = Workload.COUNTIES.get((int) (i % ids.size() % Workload.COUNTIES.size()));
        return http.get(base + "/api/projects/" + id, workload.token("county-" + county), false);
    }

    /** A-B-B-A halves (gateway, direct, direct, gateway) so that drift over time weighs on both alike. */
    private void compare(String what, String request, int callers, LoadGenerator.Call viaGateway, LoadGenerator.Call direct)
            throws Exception {
        out.printf("  %s: warm-up %d s each way%n", what, o.warmup().toSeconds());
        LoadGenerator.closedLoop(callers, o.warmup(), viaGateway, LoadGenerator.IGNORE);
        LoadGenerator.closedLoop(callers, o.warmup(), direct, LoadGenerator.IGNORE);
        LoadGenerator.Recording g = new LoadGenerator.Recording("closed loop", null, callers);
        LoadGenerator.Recording d = new LoadGenerator.Recording("closed loop", null, callers);
        Duration half = o.duration().dividedBy(2);
        Map<String, Double> cpu0 = Footprint.cpuSeconds(processes);
        long t0 = System.nanoTime();
        LoadGenerator.closedLoop(g, callers, half, offset(viaGateway, 0), LoadGenerator.IGNORE);
        LoadGenerator.closedLoop(d, callers, half, offset(direct, 0), LoadGenerator.IGNORE);
        LoadGenerator.closedLoop(d, callers, half, offset(direct, 10_000_000), LoadGenerator.IGNORE);
        LoadGenerator.closedLoop(g, callers, half, offset(viaGateway, 10_000_000), LoadGenerator.IGNORE);
        cpuSection("gateway cost, " + what + " (both ways)", cpu0, (System.nanoTime() - t0) / 1e9);
        LoadGenerator.Measured mg = g.measured();
        LoadGenerator.Measured md = d.measured();
        report.detail("gateway cost, " + what + ", through the gateway", mg);
        report.detail("gateway cost, " + what + ", direct", md);
        String method = "closed loop, " + callers + " callers, " + request + "; " + o.duration().toSeconds()
                + " s each way in A-B-B-A halves after " + o.warmup().toSeconds() + " s warm-up";
        row("gw." + what + ".gateway", "1 Gateway cost", what + " through the gateway", mg, method);
        row("gw." + what + ".direct", "1 Gateway cost", what + " straight to project-service", md, method);
        double ratio = mg.acceptedPerSecond() / md.acceptedPerSecond();
        report.row("gw." + what + ".ratio", "1 Gateway cost", what + ": gateway ÷ direct, requests/s", ratio, "",
                "same run, same load");
        out.printf("  %s: gateway %,.0f /s (p50 %.1f ms, p99 %.1f ms), direct %,.0f /s (p50 %.1f ms, p99 %.1f ms): ratio %.2f%s%n",
                what, mg.acceptedPerSecond(), mg.latency().p50Ms(), mg.latency().p99Ms(), md.acceptedPerSecond(),
                md.latency().p50Ms(), md.latency().p99Ms(), ratio, refusals(mg, md));
        mg.refusalExamples().forEach((status, body) -> out.printf("    e.g. (gateway) %s: %s%n", status, body));
        md.refusalExamples().forEach((status, body) -> out.printf("    e.g. (direct) %s: %s%n", status, body));
    }

    private static LoadGenerator.Call offset(LoadGenerator.Call call, long by) {
        return i -> call.send(i + by);
    }

    // ---- figures 2 and 3: writes and freshness -------------------------------------------------------------

    private void writes() throws Exception {
        out.println("== writes through the gateway from 11 county portals and finance, and their freshness in reporting");
        String gateway = platform.gateway();
        String reporting = platform.url("REPORTING_SERVICE_PORT");
        String mix = "the 11 county portals draft projects (POST /api/projects) and finance records secured funds "
                + "(POST /api/funding/secured-funds) in turn, each with an Idempotency-Key";

        out.printf("  warm-up %d s at %.0f/s%n", o.warmup().toSeconds(), o.rate());
        // the warm-up probes too: the first probes otherwise meet reporting's answer path cold (its first second of
        // answers took seconds) and measure that instead of freshness
        FreshnessProbe warmProbe = new FreshnessProbe(http, reporting, () -> workload.token("viewer"), 1);
        LoadGenerator.openLoop(o.rate(), o.warmup(), 2000,
                i -> workload.send(http, gateway, workload.mixed(i), "warm", i),
                (i, reply, at) -> warmProbe.accepted(i, workload.mixedTopic(i), reply.createdId(), at));
        warmProbe.finish();

        // fixed offered load, every command probed
        FreshnessProbe fixedProbe = new FreshnessProbe(http, reporting, () -> workload.token("viewer"), 1);
        Map<String, Double> cpu0 = Footprint.cpuSeconds(processes);
        LoadGenerator.Measured fixed = LoadGenerator.openLoop(o.rate(), o.duration(), 2000,
                i -> workload.send(http, gateway, workload.mixed(i), "fixed", i),
                (i, reply, at) -> fixedProbe.accepted(i, workload.mixedTopic(i), reply.createdId(), at));
        fixedProbe.finish();
        cpuSection(String.format(Locale.ROOT, "writes at %.0f/s", o.rate()), cpu0, fixed.seconds());
        report.detail("writes at a fixed offered load", fixed);
        String fixedMethod = String.format(Locale.ROOT, "open loop at %.0f commands/s for %d s (latency from each command's "
                + "intended start: no coordinated omission); %s", o.rate(), o.duration().toSeconds(), mix);
        writeRows("write.fixed", String.format(Locale.ROOT, "at %.0f/s offered", o.rate()), fixed, fixedMethod);
        freshnessRows("fresh.fixed", String.format(Locale.ROOT, "at %.0f commands/s", o.rate()), fixedProbe, fixed);
        printWrites("fixed load", fixed, fixedProbe);

        // saturation
        int callers = o.callersPerClient() * Workload.writers().size();
        cpu0 = Footprint.cpuSeconds(processes);
        LoadGenerator.Measured saturated = LoadGenerator.closedLoop(callers, o.duration(),
                i -> workload.send(http, gateway, workload.mixed(i), "saturation", i), LoadGenerator.IGNORE);
        cpuSection("writes at saturation", cpu0, saturated.seconds());
        report.detail("writes at saturation", saturated);
        writeRows("write.saturation", "at saturation", saturated, "closed loop, " + callers + " callers ("
                + o.callersPerClient() + " per client) for " + o.duration().toSeconds() + " s; " + mix);
        printWrites("saturation", saturated, null);

        // near saturation, probed (a sample above the probe rate)
        double near = Math.max(1, Math.floor(saturated.acceptedPerSecond() * o.nearSaturation()));
        int everyNth = (int) Math.max(1, Math.ceil(near / o.probeRate()));
        FreshnessProbe nearProbe = new FreshnessProbe(http, reporting, () -> workload.token("viewer"), everyNth);
        cpu0 = Footprint.cpuSeconds(processes);
        LoadGenerator.Measured nearly = LoadGenerator.openLoop(near, o.duration(), 4000,
                i -> workload.send(http, gateway, workload.mixed(i), "near", i),
                (i, reply, at) -> nearProbe.accepted(i, workload.mixedTopic(i), reply.createdId(), at));
        nearProbe.finish();
        cpuSection(String.format(Locale.ROOT, "writes at %.0f/s (near saturation)", near), cpu0, nearly.seconds());
        report.detail("writes near saturation", nearly);
        writeRows("write.near", String.format(Locale.ROOT, "near saturation, %.0f/s offered", near), nearly,
                String.format(Locale.ROOT, "open loop at %.0f %% of the saturation throughput (%.0f/s) for %d s; %s",
                        100 * o.nearSaturation(), near, o.duration().toSeconds(), mix));
        freshnessRows("fresh.near", String.format(Locale.ROOT, "near saturation (%.0f commands/s)", near), nearProbe, nearly);
        printWrites("near saturation", nearly, nearProbe);
        if (o.runs("baselines")) {
            report.rows().stream().filter(r -> r.key().equals("baseline.mongo")).findFirst().ifPresent(m ->
                    report.row("write.saturation.share", "5 Baseline limits", "saturated commands/s ÷ bare MongoDB-wire inserts/s",
                            100 * saturated.acceptedPerSecond() / m.value(), "%",
                            "a command costs several store operations (idempotency claim and answer, the aggregate, the relay's "
                                    + "lease and clean-up, reporting's checkpoint), so this share is expected to be well below 100 %"));
        }
    }

    private void writeRows(String key, String when, LoadGenerator.Measured m, String method) {
        report.row(key + ".rate", "2 Write throughput", "accepted commands/s " + when, m.acceptedPerSecond(), "/s",
                method + refusals(m));
        report.row(key + ".p50", "2 Write throughput", "latency p50 " + when, m.latency().p50Ms(), "ms", "HdrHistogram");
        report.row(key + ".p99", "2 Write throughput", "latency p99 " + when, m.latency().p99Ms(), "ms", "HdrHistogram");
        report.row(key + ".p999", "2 Write throughput", "latency p99.9 " + when, m.latency().p999Ms(), "ms", "HdrHistogram");
    }

    private void freshnessRows(String key, String when, FreshnessProbe probe, LoadGenerator.Measured m) {
        Latency.Summary s = probe.summary();
        String method = String.format(Locale.ROOT, "%,d commands probed%s: from the command's 2xx at the gateway until "
                        + "reporting answers that the aggregate's event is applied (GET …/read-model/aggregates/{topic}/{id}"
                        + "?atLeast=1&waitMs=10000, asked again until seen, straight to reporting)%s", probe.probes(),
                m.accepted() > probe.probes() ? " (one in " + Math.round((double) m.accepted() / Math.max(1, probe.probes())) + ")" : "",
                probe.notSeen() > 0 ? "; " + probe.notSeen() + " not seen within " + FreshnessProbe.GIVE_UP_SECONDS + " s" : "");
        report.row(key + ".p50", "3 Event freshness", "p50 " + when, s.p50Ms(), "ms", method);
        report.row(key + ".p99", "3 Event freshness", "p99 " + when, s.p99Ms(), "ms", "HdrHistogram");
        report.row(key + ".max", "3 Event freshness", "max " + when, s.maxMs(), "ms", "HdrHistogram");
        report.detail("freshness " + when, s);
    }

    private void row(String key, String figure, String what, LoadGenerator.Measured m, String method) {
        report.row(key + ".rps", figure, what + ": requests/s", m.acceptedPerSecond(), "/s", method + refusals(m));
        report.row(key + ".p50", figure, what + ": latency p50", m.latency().p50Ms(), "ms", "HdrHistogram");
        report.row(key + ".p99", figure, what + ": latency p99", m.latency().p99Ms(), "ms", "HdrHistogram");
    }

    private static String refusals(LoadGenerator.Measured... ms) {
        StringBuilder s = new StringBuilder();
        for (LoadGenerator.Measured m : ms) {
            if (!m.refused().isEmpty()) {
                s.append(s.isEmpty() ? " (not accepted: " : ", ").append(m.refused());
            }
        }
        return s.isEmpty() ? "" : s.append(')').toString();
    }

    private void printWrites(String what, LoadGenerator.Measured m, FreshnessProbe probe) {
        out.printf("  %s: %,.0f accepted/s, latency p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms%s; load generator %.2f cores%n",
                what, m.acceptedPerSecond(), m.latency().p50Ms(), m.latency().p99Ms(), m.latency().p999Ms(), refusals(m),
                m.generatorCores());
        m.refusalExamples().forEach((status, body) -> out.printf("    e.g. %s: %s%n", status, body));
        if (probe != null) {
            Latency.Summary s = probe.summary();
            out.printf("    freshness (%,d probes): p50 %.1f ms, p99 %.1f ms, max %.1f ms%s%n", s.count(), s.p50Ms(), s.p99Ms(),
                    s.maxMs(), probe.notSeen() > 0 ? ", " + probe.notSeen() + " not seen" : "");
            try {
                probe.whereTheTimeWent(platform.kafkaClient()).forEach(line -> out.println("      " + line));
            } catch (RuntimeException e) {
                out.println("      (where the time went: not available: " + e + ")");
            }
        }
    }

    // ---- figure 4: rebuild ---------------------------------------------------------------------------------

    private void rebuild() throws Exception {
        out.println("== rebuild speed");
        RebuildRun.Result r = new RebuildRun(platform, http, () -> tokens.of("plan-office"), out).run(o.rebuildEvents());
        report.detail("rebuild", r);
        report.row("rebuild.rate", "4 Rebuild speed", "reporting rebuild, events/s", r.rebuildPerSecond(), "/s",
                String.format(Locale.ROOT, "POST /api/reports/read-model/rebuild, then events read ÷ (finishedAt − startedAt) "
                        + "from GET …/rebuild: %,d events (%,d synthetic project events published by a bare producer, "
                        + "the rest from the write phases)", r.rebuildEventsRead(), r.produced()));
        report.row("rebuild.bare", "4 Rebuild speed", "bare Kafka consumer, events/s", r.bareConsumerPerSecond(), "/s",
                String.format(Locale.ROOT, "one KafkaConsumer (5000 records a poll, 8 MB fetches) reading the same three topics "
                        + "from the beginning, same run: %,d events in %.2f s", r.eventsOnTopics(), r.bareConsumerSeconds()));
        report.row("rebuild.ratio", "4 Rebuild speed", "rebuild ÷ bare consumer", 100 * r.ratio(), "%", "same run, same topics");
    }

    // ---- goals, sections -------------------------------------------------------------------------------------

    private void goals() {
        report.goal("gateway ≥ 0.8 of direct (read, requests/s)", "gw.read.ratio", 0.8, true);
        report.goal("gateway ≥ 0.8 of direct (write, requests/s)", "gw.write.ratio", 0.8, true);
        report.goal(String.format(Locale.ROOT, "freshness p99 ≤ 100 ms at %.0f commands/s", o.rate()), "fresh.fixed.p99", 100, false);
        report.goal("rebuild ≥ 25 % of the bare consumer", "rebuild.ratio", 25, true);
        report.goal("READY in ≤ 60 s", "footprint.ready", 60, false);
        report.goal("workbench page load until usable p95 ≤ 1 s", "workbench.load.p95", 1000, false);
        report.goal("workbench form round trip p95 ≤ 300 ms", "workbench.roundtrip.p95", 300, false);
        report.goal("whole stack ≤ 3 GiB resident at idle", "footprint.idle.rss", 3072, false);
    }

    private void cpuSection(String phase, Map<String, Double> before, double seconds) {
        Map<String, Double> cores = Footprint.coresBetween(before, Footprint.cpuSeconds(processes), seconds);
        report.detail("CPU (cores) during " + phase, cores);
        StringBuilder s = new StringBuilder("### CPU during " + phase + " (cores of 2)\n\n| process | cores |\n| --- | ---: |\n");
        cores.forEach((k, v) -> s.append("| ").append(k).append(" | ").append(String.format(Locale.ROOT, "%.2f", v)).append(" |\n"));
        sections.add(s.toString());
    }

    private String memoryTable() {
        StringBuilder s = new StringBuilder("### Resident memory by process (MiB)\n\n| process | idle | peak under load | idle after |\n"
                + "| --- | ---: | ---: | ---: |\n");
        List<String> names = new ArrayList<>(processes.keySet());
        names.add("total");
        for (String n : names) {
            s.append("| ").append(n).append(" | ").append(value("resident memory at idle (MiB)", n)).append(" | ")
                    .append(value("resident memory, peak under load (MiB)", n)).append(" | ")
                    .append(value("resident memory at idle after the run (MiB)", n)).append(" |\n");
        }
        return s.toString();
    }

    private String value(String detail, String process) {
        Object m = report.detailOf(detail);
        if (m instanceof Map<?, ?> map && map.get(process) instanceof Double v) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return "—";
    }


    private static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[]{Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (Exception e) {
            return new double[]{Double.NaN, Double.NaN, Double.NaN};
        }
    }

    private static String format(double[] load) {
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", load[0], load[1], load[2]);
    }

    private void close() {
        if (http != null) {
            http.close();
        }
        if (platform != null) {
            out.println("== stopping the platform");
            try {
                platform.close(o.out().resolve("logs-" + o.label()));
                if (platform.started()) {
                    out.println("  the platform's logs: " + o.out().resolve("logs-" + o.label()));
                }
            } catch (Exception e) {
                out.println("  could not stop the platform cleanly: " + e.getMessage());
            }
        }
    }
}
