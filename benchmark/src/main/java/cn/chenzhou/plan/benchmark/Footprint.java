package cn.chenzhou.plan.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resident memory (VmRSS from {@code /proc/<pid>/status}) and CPU time of the platform's processes: a snapshot, or the
 * peak seen by a sampler running in the background during load.
 */
final class Footprint {
    private Footprint() {
    }

    /** Resident memory of each process in MiB, and their total under "total". */
    static Map<String, Double> residentMiB(Map<String, Long> processes) {
        Map<String, Double> rss = new LinkedHashMap<>();
        double total = 0;
        for (var e : processes.entrySet()) {
            double mib = rssKiB(e.getValue()) / 1024.0;
            rss.put(e.getKey(), round1(mib));
            total += mib;
        }
        rss.put("total", round1(total));
        return rss;
    }

    static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process is gone, or this is not Linux
        }
        return 0;
    }

    /** CPU seconds used so far by each process. */
    static Map<String, Double> cpuSeconds(Map<String, Long> processes) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        processes.forEach((name, pid) -> cpu.put(name, ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration())
                .map(d -> d.toMillis() / 1000.0).orElse(0.0)));
        cpu.put("benchmark (load generator)", LoadGenerator.cpuNanos() / 1e9);
        return cpu;
    }

    /** CPU used between two {@link #cpuSeconds} snapshots, in cores (1.0 = one core busy throughout). */
    static Map<String, Double> coresBetween(Map<String, Double> before, Map<String, Double> after, double seconds) {
        Map<String, Double> cores = new LinkedHashMap<>();
        double total = 0;
        for (var e : after.entrySet()) {
            double used = (e.getValue() - before.getOrDefault(e.getKey(), 0.0)) / seconds;
            cores.put(e.getKey(), Math.round(used * 100) / 100.0);
            total += used;
        }
        cores.put("total", Math.round(total * 100) / 100.0);
        return cores;
    }

    /** Samples resident memory every second and keeps each process's peak. */
    static final class PeakSampler implements AutoCloseable {
        private final Map<String, Long> processes;
        private final Map<String, Double> peak = new ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean running = true;

        PeakSampler(Map<String, Long> processes) {
            this.processes = processes;
            thread = new Thread(this::run, "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            while (running) {
                Map<String, Double> now = residentMiB(processes);
                now.forEach((k, v) -> peak.merge(k, v, Math::max));
                try {
                    Thread.sleep(Duration.ofSeconds(1).toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** The peak of each process; "total" is the peak of the sum. */
        Map<String, Double> peaks() {
            Map<String, Double> ordered = new LinkedHashMap<>();
            processes.keySet().forEach(k -> ordered.put(k, peak.getOrDefault(k, 0.0)));
            ordered.put("total", peak.getOrDefault("total", 0.0));
            return ordered;
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
