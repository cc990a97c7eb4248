package cn.chenzhou.plan.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The launcher restarts a dying service after a growing back-off, gives up on one that keeps dying, and says so. */
class SupervisorTest {
    private static final Supervisor.Policy POLICY = new Supervisor.Policy(Duration.ofSeconds(1), Duration.ofSeconds(8),
            5, Duration.ofMinutes(10), Duration.ofMinutes(2));
    private final AtomicLong clock = new AtomicLong();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    /** A service whose process dies as soon as it is started, or stays up, as the test says. */
    private static final class FakeService implements Supervisor.Supervised {
        final String name;
        boolean alive = true;
        boolean diesAtOnce = true;
        final List<Long> startedAt = new ArrayList<>();
        private final AtomicLong clock;

        FakeService(String name, AtomicLong clock) {
            this.name = name;
            this.clock = clock;
        }

        public String name() {
            return name;
        }

        public boolean isAlive() {
            return alive;
        }

        public String exit() {
            return "exit code 1";
        }

        public void start() {
            startedAt.add(clock.get());
            alive = !diesAtOnce;
        }

        public String log() {
            return name + ".log";
        }
    }

    private Supervisor supervisor(FakeService... services) {
        return new Supervisor(List.of(services), POLICY, clock::get,
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    /** Advances the clock second by second for {@code seconds}, the supervisor looking once each second. */
    private void run(Supervisor supervisor, int seconds) {
        for (int i = 0; i < seconds; i++) {
            clock.addAndGet(Duration.ofSeconds(1).toNanos());
            supervisor.check();
        }
    }

    @Test
    void aServiceThatKeepsDyingIsRestartedAfterADoublingBackOffThenGivenUpOnAndTheConsoleSaysSo() {
        FakeService reporting = new FakeService("reporting-service", clock);
        FakeService gateway = new FakeService("gateway", clock);
        Supervisor supervisor = supervisor(reporting, gateway);
        reporting.alive = false;

        run(supervisor, 120);

        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < reporting.startedAt.size(); i++) {
            gaps.add(Duration.ofNanos(reporting.startedAt.get(i) - reporting.startedAt.get(i - 1)).toSeconds());
        }
        // noticed a second after each death, then 1, 2, 4, 8, 8 s of back-off
        assertThat(reporting.startedAt).hasSize(5);
        assertThat(gaps).containsExactly(3L, 5L, 9L, 9L);
        assertThat(supervisor.gaveUpOn("reporting-service")).isTrue();
        assertThat(gateway.startedAt).as("a healthy service is left alone").isEmpty();
        String said = console.toString(StandardCharsets.UTF_8);
        assertThat(said).contains("reporting-service exited (exit code 1); restarting it in 1 s (restart 1 of at most 5")
                .contains("restarting it in 8 s (restart 5 of at most 5")
                .contains("reporting-service exited (exit code 1) after 5 restarts within 10 min: it keeps dying, so it"
                        + " is not restarted again");
    }

    @Test
    void aServiceThatStaysUpAfterARestartStartsOverWithTheShortestBackOffAndOldRestartsLeaveTheWindow() {
        FakeService funding = new FakeService("funding-service", clock);
        Supervisor supervisor = supervisor(funding);
        for (int crash = 0; crash < 8; crash++) {
            funding.alive = false;
            funding.diesAtOnce = false;
            run(supervisor, 3);
            assertThat(funding.isAlive()).as("restarted after crash %d", crash + 1).isTrue();
            run(supervisor, 180);
        }
        assertThat(funding.startedAt).hasSize(8);
        assertThat(supervisor.gaveUpOn("funding-service")).isFalse();
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("restarting it in 2 s");
    }
}
