package cn.chenzhou.plan.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.sdk.PlatformClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged means kept, also when the process holding the store dies: the embedded platform, started as
 * {@code ./platform up} starts it, is loaded by the 11 county portals, finance and the plan office while its launcher —
 * the JVM with the Kafka broker and the store — is killed -9 again and again and started anew on the same data. After
 * the last restart every command a client was told succeeded is stored, every stored change is on its topic and every
 * event's state is stored (none outlived a write the store lost), and reporting agrees with the topics.
 */
class LauncherCrashIT {
    private static final int KILLS = Integer.getInteger("platform.test.launcher-kills", 4);
    private static final Duration READY = Duration.ofMinutes(6);

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedCommandSurvivesKillsOfTheProcessHoldingTheStore() throws Exception {
        long started = System.nanoTime();
        try (Launcher platform = new Launcher(dir.resolve("data"))) {
            platform.start(READY);
            int kills = 0;
            Reconciliation reconciliation;
            List<LoadGenerator.Outcome> outcomes;
            try (LoadGenerator load = new LoadGenerator(platform)) {
                load.start(Duration.ofMillis(400));
                for (int k = 0; k < KILLS; k++) {
                    Faults.pause(Duration.ofSeconds(ThreadLocalRandom.current().nextLong(10, 20)));
                    platform.killMinus9();
                    kills++;
                    // callers without retries are told it failed: uncertain commands, resolved by look-up later
                    load.impatientDrafts();
                    platform.start(READY);
                }
                Faults.pause(Duration.ofSeconds(10));
                load.stop();
                outcomes = List.copyOf(load.outcomes);
            }
            // one delivery repeated on purpose, beside any the restarts caused: reporting must drop it
            String duplicate = Faults.republishAnEvent(platform.kafkaClient());
            try (PlatformClient viewer = PlatformClient.builder().gateway(platform.gateway())
                    .authorizationServer(platform.authorizationServer())
                    .clientCredentials("viewer", platform.secret("viewer")).settings(LoadGenerator.PATIENT).build()) {
                reconciliation = Reconciliation.run(platform, outcomes, viewer, null);
            }
            long acknowledged = outcomes.stream().filter(o -> o.status() == LoadGenerator.Status.ACCEPTED).count();
            String report = reconciliation.report(List.of("launcher (broker and store) killed -9 and restarted "
                            + kills + " times, 10–20 s of load apart", "a delivery repeated: " + duplicate), LocalDate.now())
                    + String.format("acknowledged commands: %d of %d sent; launcher kills: %d; run time %.1f min%n",
                    acknowledged, outcomes.size(), kills, (System.nanoTime() - started) / 6e10);
            System.out.println(report);
            Path file = Path.of("target", "launcher-crash-report.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);

            assertThat(kills).isEqualTo(KILLS);
            assertThat(acknowledged).as("commands acknowledged across the kills").isGreaterThan(100);
            assertThat(reconciliation.checks).as(report).allMatch(Check::passed);
        }
    }
}
