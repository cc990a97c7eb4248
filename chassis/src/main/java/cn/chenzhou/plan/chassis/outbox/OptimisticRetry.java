package cn.chenzhou.plan.chassis.outbox;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Load, decide, write — and when someone else's write got there first (the versioned update or the unique insert
 * failed), load the new state and decide again. Racing officers are serialised this way, each decision made
 * on the state it is written over; a refusal (over budget, …) is never retried, it is the answer.
 */
public final class OptimisticRetry {
    /** Enough for every instance's requests to get through a burst; after that the client hears 409 and retries. */
    static final int MAX_ATTEMPTS = 30;

    private OptimisticRetry() {
    }

    public static <T> T run(Supplier<T> attempt) {
        RuntimeException last = null;
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            try {
                return attempt.get();
            } catch (ConcurrentUpdateException | AggregateAlreadyExistsException lostTheRace) {
                last = lostTheRace;
                // jittered backoff, so two instances that collided do not collide again in lockstep
                long ceilingMicros = Math.min(20_000L, 250L << Math.min(i, 6));
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(ceilingMicros) * 1_000L);
            }
        }
        throw last;
    }
}
