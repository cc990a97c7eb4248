package cn.chenzhou.plan.acceptance.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.chenzhou.plan.acceptance.RunningPlatform;
import cn.chenzhou.plan.sdk.PlatformApiException;
import cn.chenzhou.plan.sdk.PlatformClient;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A service that stops answering trips the SDK's circuit breaker for it — calls then fail at once instead of
 * hammering it, while the other services are called as usual — and once the launcher has restarted it, the breaker
 * lets a probe through and closes again.
 */
class CircuitBreakerSdkIT {

    @Test
    void aKilledServiceOpensItsBreakerAndTheRestartedServiceClosesIt() throws Exception {
        RunningPlatform platform = RunningPlatform.shared();
        PlatformClient.Settings quick = new PlatformClient.Settings(2, Duration.ofMillis(100), Duration.ofMillis(500),
                Duration.ofSeconds(3), Duration.ofSeconds(20));
        try (PlatformClient viewer = SdkClients.as(platform, "viewer", quick)) {
            assertThat(viewer.funding().specialFunds()).isNotEmpty();

            ProcessHandle funding = ProcessHandle.of(platform.launcherPid()).orElseThrow().children()
                    .filter(p -> p.info().commandLine().orElse("").contains("-Dplatform.service=funding-service"))
                    .findFirst().orElseThrow();
            funding.destroyForcibly();
            funding.onExit().get(30, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
                try {
                    viewer.funding().specialFunds();
                } catch (PlatformApiException.Unavailable expected) {
                    // the gateway says the service is not answering
                }
                return viewer.breakerState("funding") == CircuitBreaker.State.OPEN;
            });
            assertThatThrownBy(() -> viewer.funding().specialFund(2013))
                    .isInstanceOfSatisfying(PlatformApiException.Unavailable.class, e -> assertThat(e.type()).isEqualTo("circuit-open"));
            // the other services are judged on their own
            assertThat(viewer.projects().programmes(0, 5).items()).isNotEmpty();
            assertThat(viewer.breakerState("projects")).isEqualTo(CircuitBreaker.State.CLOSED);

            // the launcher restarts the service; the breaker lets probes through and closes
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                try {
                    viewer.funding().specialFunds();
                } catch (PlatformApiException.Unavailable stillDown) {
                    // not yet back, or the breaker still open
                }
                return viewer.breakerState("funding") == CircuitBreaker.State.CLOSED;
            });
            assertThat(viewer.funding().specialFund(2013).budget()).isNotNull();
            assertThat(platform.output()).contains("funding-service exited (killed by signal 9").contains("restarting it in");
        }
    }
}
