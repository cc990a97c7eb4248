package cn.chenzhou.plan.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic: how many failures, counted from when, held how long. */
class SignInThrottleTest {
    private Instant now = Instant.parse("2013-06-01T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final SignInThrottle throttle = new SignInThrottle(3, 5, Duration.ofMinutes(5), clock);

    @Test
    void aNameIsHeldUntilTheWindowOfItsFirstFailureEnds() {
        throttle.failed("county-431002", "10.0.0.1");
        now = now.plusSeconds(60);
        throttle.failed("county-431002", "10.0.0.1");
        assertThat(throttle.wait("county-431002", "10.0.0.1")).isEmpty();
        throttle.failed("county-431002", "10.0.0.1");
        assertThat(throttle.wait("county-431002", "10.0.0.9")).contains(Duration.ofMinutes(4));
        now = now.plusSeconds(240);
        assertThat(throttle.wait("county-431002", "10.0.0.9")).isEmpty();
        // a new window: one failure is one failure again
        throttle.failed("county-431002", "10.0.0.1");
        assertThat(throttle.wait("county-431002", "10.0.0.9")).isEmpty();
    }

    @Test
    void anAddressIsHeldWhateverTheNamesItTries() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("guess-" + i, "10.0.0.2");
        }
        assertThat(throttle.wait("county-431003", "10.0.0.2")).isPresent();
        assertThat(throttle.wait(null, "10.0.0.2")).isPresent();
        assertThat(throttle.wait("county-431003", "10.0.0.3")).isEmpty();
    }

    @Test
    void aUserAndAClientOfTheSameNameAreCountedApart() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("user:finance", "10.0.0.4");
        }
        assertThat(throttle.wait("user:finance", "10.0.0.5")).isPresent();
        assertThat(throttle.wait("finance", "10.0.0.5")).isEmpty();
    }
}
