package cn.chenzhou.plan.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.sdk.PlatformClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost, nothing doubled — with real processes failing. The platform runs as containers under steady load on
 * every service while the suite kills the Kafka broker and the store (-9) and restarts them, stalls the broker past the
 * producers' timeouts and the relays' leases, kills -9 and restarts each service in turn (funding runs as two
 * instances), freezes a service, cuts services off the network, slows the network down, fills the store's disk, and
 * delivers an event twice. Then {@link Reconciliation} checks every witness against the others, and
 * {@link NegativeControls} prove that its store-against-topic check catches what it is there to catch.
 */
class FaultSuiteIT {
    private static PlatformContainers platform;

    @BeforeAll
    static void start() throws Exception {
        platform = new PlatformContainers();
        platform.start();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void underLoadAndFaultsEveryAnsweredCommandIsStoredAndPublishedExactlyOnce() throws Exception {
        long started = System.nanoTime();
        try (LoadGenerator load = new LoadGenerator(platform);
             PlatformClient viewer = client("viewer");
             PlatformClient office = client("plan-office")) {
            Faults faults = new Faults(platform, load);
            load.start(Duration.ofMillis(500));
            Faults.pause(Duration.ofSeconds(5));
            faults.all();
            Faults.pause(Duration.ofSeconds(5));
            load.stop();

            Reconciliation reconciliation = Reconciliation.run(platform, List.copyOf(load.outcomes), viewer, office);
            List<String> controls = NegativeControls.run(reconciliation, platform);
            String report = reconciliation.report(faults.done, LocalDate.now())
                    + "negative controls (each must be caught):\n" + controls.stream().map(c -> "  " + c + "\n")
                    .reduce("", String::concat)
                    + String.format("reporting reads under load: %d answered, %d failed%n", load.reads.get(),
                    load.failedReads.get())
                    + String.format("suite run time: %.1f min%n", (System.nanoTime() - started) / 6e10);
            System.out.println(report);
            Path file = Path.of("target", "fault-suite-report.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
            if (!reconciliation.passed()) {
                platform.writeWarnings(Path.of("target"));
            }

            assertThat(reconciliation.checks).as(report).allMatch(Check::passed);
            assertThat(controls).as(report).allMatch(c -> c.startsWith("caught"));
        }
    }

    private static PlatformClient client(String id) {
        return PlatformClient.builder().gateway(platform.gateway()).authorizationServer(platform.authorizationServer())
                .clientCredentials(id, platform.secret(id)).settings(LoadGenerator.PATIENT).build();
    }
}
