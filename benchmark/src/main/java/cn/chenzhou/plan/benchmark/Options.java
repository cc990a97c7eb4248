package cn.chenzhou.plan.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmark's settings, from its command line.
 *
 * @param phases which groups of figures to take: footprint, baselines, gateway, writes, rebuild
 */
record Options(boolean attach, Duration duration, Duration warmup, Duration settle, double rate, double nearSaturation,
               int callersPerClient, int gatewayCallers, long rebuildEvents, int mongoThreads, Duration baselineDuration,
               long kafkaRecords, int probeRate, String label, Set<String> phases, Path out, Path home) {

    static final List<String> ALL_PHASES = List.of("footprint", "baselines", "gateway", "writes", "rebuild", "workbench");

    static final String USAGE = """
            usage: ./platform benchmark [options]            start a platform, measure it, print and write the figures
                   ./platform benchmark compare A.json B.json print two runs side by side (e.g. before and after)

              --duration 20s         each measured phase (load generation), after its warm-up
              --warmup 5s            warm-up before each kind of load (not counted)
              --settle 15s           quiet time after READY before idle memory is read
              --rate 100             the fixed offered load of commands per second (figures 2 and 3)
              --near-saturation 0.8  the second freshness load, as a share of the saturation throughput
              --callers 4            closed-loop callers per client at saturation (12 clients: 11 counties + finance)
              --gateway-callers 16   closed-loop callers for the gateway-cost comparison
              --rebuild-events 1000000  synthetic events published before the rebuild (at least that many)
              --mongo-threads 4      driver threads of the MongoDB-wire baseline
              --baseline-duration 10s  duration of the MongoDB-wire baseline
              --kafka-records 1000000  records of the Kafka baseline
              --probe-rate 200       freshness probes per second at most (one command in n is probed above it)
              --only a,b             only these figure groups: footprint, baselines, gateway, writes, rebuild,
                                     workbench (headless Chromium; skipped where it is not installed)
              --label NAME           names the result files (default: run)
              --out DIR              where results go (default: benchmark/target/benchmark)
              --attach               measure the platform already running with the ports of the environment
                                     (GATEWAY_PORT …, PLATFORM_DATA_DIR) instead of starting one
            """;

    static Options parse(String[] args, Path home) {
        boolean attach = false;
        Duration duration = Duration.ofSeconds(20);
        Duration warmup = Duration.ofSeconds(5);
        Duration settle = Duration.ofSeconds(15);
        double rate = 100;
        double near = 0.8;
        int callers = 4;
        int gatewayCallers = 16;
        long rebuildEvents = 1_000_000;
        int mongoThreads = 4;
        Duration baseline = Duration.ofSeconds(10);
        long kafkaRecords = 1_000_000;
        int probeRate = 200;
        String label = "run";
        Set<String> phases = new LinkedHashSet<>(ALL_PHASES);
        Path out = home.resolve("benchmark/target/benchmark");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--attach")) {
                attach = true;
                continue;
            }
            if (a.equals("-h") || a.equals("--help")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--duration" -> duration = duration(v);
                case "--warmup" -> warmup = duration(v);
                case "--settle" -> settle = duration(v);
                case "--rate" -> rate = positive(a, Double.parseDouble(v));
                case "--near-saturation" -> near = positive(a, Double.parseDouble(v));
                case "--callers" -> callers = (int) positive(a, Integer.parseInt(v));
                case "--gateway-callers" -> gatewayCallers = (int) positive(a, Integer.parseInt(v));
                case "--rebuild-events" -> rebuildEvents = (long) positive(a, Long.parseLong(v.replace("_", "")));
                case "--mongo-threads" -> mongoThreads = (int) positive(a, Integer.parseInt(v));
                case "--baseline-duration" -> baseline = duration(v);
                case "--kafka-records" -> kafkaRecords = (long) positive(a, Long.parseLong(v.replace("_", "")));
                case "--probe-rate" -> probeRate = (int) positive(a, Integer.parseInt(v));
                case "--label" -> {
                    if (!v.matches("[A-Za-z0-9._-]{1,60}")) {
                        throw new IllegalArgumentException("--label: letters, digits, . _ - only");
                    }
                    label = v;
                }
                case "--out" -> out = Path.of(v).toAbsolutePath();
                case "--only" -> {
                    phases = new LinkedHashSet<>();
                    for (String p : v.split(",")) {
                        if (!ALL_PHASES.contains(p.trim())) {
                            throw new IllegalArgumentException("--only: unknown figure group '" + p + "'; one of " + ALL_PHASES);
                        }
                        phases.add(p.trim());
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new Options(attach, duration, warmup, settle, rate, near, callers, gatewayCallers, rebuildEvents,
                mongoThreads, baseline, kafkaRecords, probeRate, label, phases, out, home);
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    /** "20s", "2m", "500ms" or a number of seconds. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase();
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (e.g. 20s, 2m, 500ms)");
        }
    }

    private static double positive(String option, double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(option + " must be positive");
        }
        return v;
    }
}
