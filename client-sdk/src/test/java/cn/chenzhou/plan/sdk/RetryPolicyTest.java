package cn.chenzhou.plan.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Clock NOON = Clock.fixed(Instant.parse("2014-06-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void withoutRetryAfterTheWaitDoublesFromTheInitialBackoffUpToTheCap() {
        RetryPolicy noJitter = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(2), () -> 1.0);
        assertThat(noJitter.waitBefore(1, null)).isEqualTo(Duration.ofMillis(200));
        assertThat(noJitter.waitBefore(2, null)).isEqualTo(Duration.ofMillis(400));
        assertThat(noJitter.waitBefore(3, null)).isEqualTo(Duration.ofMillis(800));
        assertThat(noJitter.waitBefore(5, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(noJitter.waitBefore(60, null)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void jitterKeepsAtLeastHalfOfTheBackoff() {
        RetryPolicy lowest = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(2), () -> 0.0);
        assertThat(lowest.waitBefore(3, null)).isEqualTo(Duration.ofMillis(400));
        RetryPolicy random = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(2), Math::random);
        for (int i = 0; i < 100; i++) {
            assertThat(random.waitBefore(2, null)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        }
    }

    @Test
    void theServersRetryAfterIsHonouredButNeverBeyondTheLongestWaitAccepted() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10), () -> 0.5);
        assertThat(policy.waitBefore(1, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.waitBefore(4, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.waitBefore(1, Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.waitBefore(1, Duration.ZERO)).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertThat(RetryPolicy.parseRetryAfter("5", NOON)).isEqualTo(Duration.ofSeconds(5));
        assertThat(RetryPolicy.parseRetryAfter(" 0 ", NOON)).isEqualTo(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter("Sun, 01 Jun 2014 12:00:30 GMT", NOON)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryPolicy.parseRetryAfter("Sun, 01 Jun 2014 11:00:00 GMT", NOON)).isEqualTo(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter("soon", NOON)).isNull();
        assertThat(RetryPolicy.parseRetryAfter("-3", NOON)).isNull();
        assertThat(RetryPolicy.parseRetryAfter(null, NOON)).isNull();
    }
}
