package cn.chenzhou.plan.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.sdk.PlatformClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The soak behind {@code ./platform soak --minutes N} (not part of {@code mvn verify}): the platform as containers
 * under the mixed load of the 11 county portals, finance and the plan office for N minutes, one of the fault suite's
 * faults every few minutes in turn, and every half minute a sample of each container's memory and reporting's lag;
 * then the same reconciliation and negative controls as the fault suite. The report and the samples go to
 * {@code system-tests/target/soak/}.
 */
class SoakIT {
    private static final int MINUTES = Integer.getInteger("soak.minutes", 30);
    // the store's file grows by about 11 MB a minute under the soak's load (250 MB after 23 minutes here): a disk that
    // filled up on its own would be a fault nobody injected
    private static final int STORE_DISK_MB = Math.max(PlatformContainers.STORE_DISK_MB, 256 + 32 * MINUTES);
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(30);
    private static final Duration FAULT_EVERY = Duration.ofMinutes(Long.getLong("soak.fault-every-minutes", 3));

    @Test
    void theMixedLoadWithPeriodicFaultsForNMinutesEndsReconciled() throws Exception {
        Path dir = Path.of("target", "soak");
        Files.createDirectories(dir);
        Path samples = dir.resolve("samples.csv");
        long started = System.nanoTime();
        try (PlatformContainers platform = new PlatformContainers(STORE_DISK_MB)) {
            platform.start();
            try (LoadGenerator load = new LoadGenerator(platform);
                 PlatformClient viewer = client(platform, "viewer");
                 PlatformClient office = client(platform, "plan-office")) {
                Faults faults = new Faults(platform, load);
                List<Faults.Fault> cycle = faults.list();
                List<String> table = new ArrayList<>();
                load.start(Duration.ofMillis(500));
                long end = System.nanoTime() + Duration.ofMinutes(MINUTES).toNanos();
                long nextFault = System.nanoTime() + FAULT_EVERY.toNanos();
                long nextSample = System.nanoTime();
                int fault = 0;
                while (System.nanoTime() < end) {
                    if (System.nanoTime() >= nextSample) {
                        String row = sample(platform, load, viewer, started);
                        if (table.isEmpty()) {
                            Files.writeString(samples, header(platform) + "\n");
                        }
                        table.add(row);
                        Files.writeString(samples, row + "\n", java.nio.file.StandardOpenOption.APPEND);
                        nextSample += SAMPLE_EVERY.toNanos();
                    }
                    if (System.nanoTime() >= nextFault) {
                        faults.inject(cycle.get(fault++ % cycle.size()));
                        nextFault = System.nanoTime() + FAULT_EVERY.toNanos();
                    }
                    Faults.pause(Duration.ofSeconds(1));
                }
                load.stop();
                Reconciliation reconciliation = Reconciliation.run(platform, List.copyOf(load.outcomes), viewer, office);
                List<String> controls = NegativeControls.run(reconciliation, platform);
                String report = String.format("soak: %d min of load, a fault every %d min, samples every %d s%n",
                        MINUTES, FAULT_EVERY.toMinutes(), SAMPLE_EVERY.toSeconds())
                        + reconciliation.report(faults.done, LocalDate.now())
                        + "negative controls (each must be caught):\n" + String.join("\n", controls) + "\n"
                        + String.format("reporting reads under load: %d answered, %d failed%n", load.reads.get(),
                        load.failedReads.get())
                        + "memory (MiB per container) and reporting's lag over time:\n" + header(platform) + "\n"
                        + String.join("\n", table) + "\n"
                        + String.format("soak run time: %.1f min%n", (System.nanoTime() - started) / 6e10);
                System.out.println(report);
                Files.writeString(dir.resolve("soak-report.txt"), report);
                if (!reconciliation.passed()) {
                    platform.writeWarnings(dir);
                }
                assertThat(reconciliation.checks).as(report).allMatch(Check::passed);
                assertThat(controls).as(report).allMatch(c -> c.startsWith("caught"));
            }
        }
    }

    private static String header(PlatformContainers platform) {
        return "minute,accepted,uncertain,reporting lag,store MiB," + String.join(",", platform.containers.keySet());
    }

    private static String sample(PlatformContainers platform, LoadGenerator load, PlatformClient viewer, long started) {
        long lag;
        try {
            lag = viewer.get("/api/reports/read-model").path("lag").asLong(-1);
        } catch (RuntimeException e) {
            lag = -1;
        }
        long accepted = load.outcomes.stream().filter(o -> o.status() == LoadGenerator.Status.ACCEPTED).count();
        long uncertain = load.outcomes.stream().filter(o -> o.status() == LoadGenerator.Status.UNCERTAIN).count();
        Map<String, Long> memory = platform.memoryMiB();
        return String.format("%.1f,%d,%d,%d,%d,", (System.nanoTime() - started) / 6e10, accepted, uncertain, lag,
                platform.storeMiB())
                + String.join(",", memory.values().stream().map(String::valueOf).toList());
    }

    private static PlatformClient client(PlatformContainers platform, String id) {
        return PlatformClient.builder().gateway(platform.gateway()).authorizationServer(platform.authorizationServer())
                .clientCredentials(id, platform.secret(id)).settings(LoadGenerator.PATIENT).build();
    }
}
