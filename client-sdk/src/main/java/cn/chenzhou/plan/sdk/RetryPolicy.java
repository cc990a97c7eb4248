package cn.chenzhou.plan.sdk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.DoubleSupplier;

/**
 * How long the SDK waits before another attempt: what the platform asked for ({@code Retry-After}) if it said, cut
 * to {@code maxWait}; otherwise an exponential backoff from {@code initialBackoff}, with jitter so that many clients
 * failing at once do not come back at once.
 */
record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxWait, DoubleSupplier random) {

    static RetryPolicy of(PlatformClient.Settings settings) {
        return new RetryPolicy(settings.maxAttempts(), settings.initialBackoff(), settings.maxRetryAfter(), Math::random);
    }

    /**
     * @param failedAttempts how many attempts failed so far (1 after the first)
     * @param retryAfter     what the platform asked for, or null
     */
    Duration waitBefore(int failedAttempts, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(maxWait) > 0 ? maxWait : retryAfter;
        }
        long base = initialBackoff.toMillis() << Math.min(Math.max(failedAttempts - 1, 0), 16);
        long capped = Math.min(base, maxWait.toMillis());
        // "equal jitter": at least half the backoff, at most all of it
        long half = capped / 2;
        return Duration.ofMillis(half + Math.round(random.getAsDouble() * (capped - half)));
    }

    /**
     * A {@code Retry-After} value: delay-seconds or an HTTP-date (RFC 9110 §10.2.3); null if absent or unreadable.
     * A date in the past means "now".
     */
    static Duration parseRetryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
