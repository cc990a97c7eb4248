package cn.chenzhou.plan.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How many failed sign-ins (a wrong client secret, a wrong password) a name and an address may have within a window
 * that starts at the first of them: {@code perNameFromAddress} for one client id or user name from one address,
 * {@code perAddress} from one address whatever the names, {@code perName} for one name from everywhere. Past any of
 * them, every sign-in so counted is refused until the window ends — a correct one too, or the refusal itself would tell
 * a guesser when it had guessed right. Each failure costs the server a password hash (about 0.1 s of CPU); the throttle
 * caps what guessing can cost it and learn. A name is held for everyone only when guessed from several addresses (the
 * per-name budget is above one address's), so that one guesser cannot lock a county portal or the gateway out from
 * elsewhere. Bounded: counts are kept at most one window after their last failure, and at most {@value #MAX_KEYS}.
 */
final class SignInThrottle {
    static final int MAX_KEYS = 100_000;

    /** Failures since {@code start}. */
    private record Window(Instant start, int failures) {
    }

    private final int perNameFromAddress;
    private final int perAddress;
    private final int perName;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, Window> failures;

    SignInThrottle(int perNameFromAddress, int perAddress, int perName, Duration window, Clock clock) {
        this.perNameFromAddress = perNameFromAddress;
        this.perAddress = perAddress;
        this.perName = perName;
        this.window = window;
        this.clock = clock;
        this.failures = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(window).build();
    }

    /**
     * How long a sign-in as {@code name} (may be null) from {@code address} must wait; empty if it may go ahead.
     * A name is the subject its tokens carry, so that a user and a client of the same name are counted apart.
     */
    Optional<Duration> wait(String name, String address) {
        Instant now = clock.instant();
        Optional<Duration> byAddress = blocked("address:" + address, perAddress, now);
        return name == null ? byAddress : byAddress
                .or(() -> blocked("name:" + name + "@" + address, perNameFromAddress, now))
                .or(() -> blocked("name:" + name, perName, now));
    }

    /** A sign-in as {@code name} (null if it named none) from {@code address} failed. */
    void failed(String name, String address) {
        Instant now = clock.instant();
        count("address:" + address, now);
        if (name != null) {
            count("name:" + name + "@" + address, now);
            count("name:" + name, now);
        }
    }

    private void count(String key, Instant now) {
        failures.asMap().compute(key, (k, w) -> w == null || !now.isBefore(w.start().plus(window))
                ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
    }

    private Optional<Duration> blocked(String key, int limit, Instant now) {
        Window w = failures.getIfPresent(key);
        if (w == null || w.failures() < limit) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, w.start().plus(window));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }
}
