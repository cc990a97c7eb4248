package cn.chenzhou.plan.acceptance.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.acceptance.RunningPlatform;
import cn.chenzhou.plan.sdk.PlatformApiException;
import cn.chenzhou.plan.sdk.PlatformClient;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A county portal over its budget at the gateway (county-431028: 5 requests a second on the shared platform) is told
 * 429 with Retry-After; the SDK waits as told and every call goes through, without judging the service as failing.
 */
class RateLimitSdkIT {

    @Test
    void aBurstBeyondTheBudgetMeetsA429AndTheSdkWaitsItOut() throws Exception {
        RunningPlatform platform = RunningPlatform.shared();
        String county = RunningPlatform.RATE_LIMITED_CLIENT.substring("county-".length());
        // without retries, the budget shows: some of a burst of 30 are refused with 429
        int refused = 0;
        try (PlatformClient impatient = SdkClients.as(platform, RunningPlatform.RATE_LIMITED_CLIENT,
                PlatformClient.Settings.defaults().withMaxAttempts(1))) {
            for (int i = 0; i < 30; i++) {
                try {
                    impatient.registry().enterprises(county, null, null, null, 0, 5);
                } catch (PlatformApiException.RateLimited e) {
                    assertThat(e.type()).isEqualTo("rate-limited");
                    refused++;
                }
            }
        }
        assertThat(refused).isPositive();

        // the SDK as it comes: the same burst from four threads, every call answered
        try (PlatformClient patient = SdkClients.as(platform, RunningPlatform.RATE_LIMITED_CLIENT)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Long>> calls = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    calls.add(pool.submit(() -> patient.registry().enterprises(county, null, null, null, 0, 5).total()));
                }
                for (Future<Long> call : calls) {
                    assertThat(call.get()).isPositive();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(patient.breakerState("registry")).isEqualTo(CircuitBreaker.State.CLOSED);
        }
    }
}
