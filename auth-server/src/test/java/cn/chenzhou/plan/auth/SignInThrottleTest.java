package cn.chenzhou.plan.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic: how many failures, counted where and from when, held how long. */
class SignInThrottleTest {
    private Instant now = Instant.parse("2013-06-01T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    /** 3 for a name from one address, 5 from one address, 6 for a name from everywhere, in 5 minutes. */
    private final SignInThrottle throttle = new SignInThrottle(3, 5, 6, Duration.ofMinutes(5), clock);

    @Test
    void aNameGuessedFromOneAddressIsHeldThereUntilTheWindowOfItsFirstFailureEnds() {
        throttle.failed("county-431002", "10.0.0.1");
        now = now.plusSeconds(60);
        throttle.failed("county-431002", "10.0.0.1");
        assertThat(throttle.wait("county-431002", "10.0.0.1")).isEmpty();
        throttle.failed("county-431002", "10.0.0.1");
        assertThat(throttle.wait("county-431002", "10.0.0.1")).contains(Duration.ofMinutes(4));
        // the portal itself, signing in from its own address, is not locked out by the guesser
        assertThat(throttle.wait("county-431002", "10.0.0.9")).isEmpty();
        now = now.plusSeconds(240);
        assertThat(throttle.wait("county-431002", "10.0.0.1")).isEmpty();
        // a new window: one failure is one failure again
        throttle.failed("county-431002", "10.0.0.1");
        assertThat(throttle.wait("county-431002", "10.0.0.1")).isEmpty();
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
    void aNameGuessedFromManyAddressesIsHeldEverywhere() {
        for (String address : new String[] {"10.0.1.1", "10.0.1.2", "10.0.1.3"}) {
            throttle.failed("county-431021", address);
            throttle.failed("county-431021", address);
        }
        assertThat(throttle.wait("county-431021", "10.0.1.9")).isPresent();
        assertThat(throttle.wait("county-431022", "10.0.1.9")).isEmpty();
    }

    @Test
    void aUserAndAClientOfTheSameNameAreCountedApart() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("user:finance", "10.0.0.4");
        }
        assertThat(throttle.wait("user:finance", "10.0.0.4")).isPresent();
        assertThat(throttle.wait("finance", "10.0.0.4")).isEmpty();
    }
}
