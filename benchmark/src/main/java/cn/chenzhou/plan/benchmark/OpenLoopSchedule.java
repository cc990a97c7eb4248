package cn.chenzhou.plan.benchmark;

/**
 * When each request of an open-loop load is meant to start: evenly spaced at {@code rate} per second from
 * {@code startNanos}, whatever happened to the requests before it. Latency is measured from this intended start, not
 * from when the request could actually be sent, so a stalled system is charged for every request it held up (no
 * coordinated omission).
 */
record OpenLoopSchedule(long startNanos, double ratePerSecond) {
    OpenLoopSchedule {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, not " + ratePerSecond);
        }
    }

    /** Intended start of request {@code i} (0-based), in {@link System#nanoTime()} terms. */
    long intendedStart(long i) {
        return startNanos + Math.round(i * 1_000_000_000.0 / ratePerSecond);
    }

    /** How many requests are meant to start in the first {@code nanos} after the start. */
    long requestsWithin(long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        long n = (long) Math.ceil(nanos * ratePerSecond / 1_000_000_000.0);
        return intendedStart(n) - startNanos < nanos ? n + 1 : n;
    }
}
