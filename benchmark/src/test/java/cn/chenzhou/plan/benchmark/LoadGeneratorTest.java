package cn.chenzhou.plan.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The load generator against a fake server that answers one request at a time (no network). */
class LoadGeneratorTest {
    private final ExecutorService server = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    private LoadGenerator.Call answering(int status, long stallAt, long stallMs) {
        return i -> CompletableFuture.supplyAsync(() -> {
            if (i == stallAt) {
                sleep(stallMs);
            }
            return new Http.Reply(i % 50 == 49 ? 429 : status, "/api/projects/p-" + i, null);
        }, server);
    }

    @Test
    void anOpenLoopSendsItsScheduleWhateverTheAnswersAndCountsRefusalsByStatus() throws Exception {
        AtomicLong told = new AtomicLong();
        LoadGenerator.Measured m = LoadGenerator.openLoop(500, Duration.ofMillis(400), 1000, answering(201, -1, 0),
                (i, reply, at) -> told.incrementAndGet());
        assertThat(m.sent()).isEqualTo(200);
        assertThat(m.refused()).containsEntry("429", 4L);
        assertThat(m.accepted()).isEqualTo(196).isEqualTo(told.get());
        assertThat(m.latency().count()).isEqualTo(196);
        assertThat(m.offeredPerSecond()).isEqualTo(500.0);
    }

    @Test
    void aStallIsChargedToEveryRequestThatWasMeantToStartDuringItNotOnlyToTheOneThatStalled() throws Exception {
        // one request in flight at most: the generator itself is held up by the stall, as a closed-loop tool would be
        LoadGenerator.Measured m = LoadGenerator.openLoop(1000, Duration.ofSeconds(1), 1, answering(201, 100, 300),
                LoadGenerator.IGNORE);
        assertThat(m.latency().maxMs()).isGreaterThanOrEqualTo(300);
        // ~300 requests were meant to start during the stall: from intended start, well over 10 % of all took > 50 ms
        assertThat(m.latency().p90Ms()).isGreaterThan(50);
        assertThat(m.latency().p90Ms()).isGreaterThan(m.serviceTime().p90Ms());
    }

    @Test
    void aClosedLoopKeepsItsCallersBusyUntilTheEnd() throws Exception {
        LoadGenerator.Measured m = LoadGenerator.closedLoop(4, Duration.ofMillis(300), answering(200, -1, 0), LoadGenerator.IGNORE);
        assertThat(m.sent()).isGreaterThan(20);
        assertThat(m.accepted() + m.refused().getOrDefault("429", 0L)).isEqualTo(m.sent());
        assertThat(m.offeredPerSecond()).isNull();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
