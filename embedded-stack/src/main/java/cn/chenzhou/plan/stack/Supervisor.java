package cn.chenzhou.plan.stack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Restarts the platform's services when they die — after a back-off that doubles with each restart in a row, and not
 * more than a limit within a window: a service that keeps dying (a bad configuration, a port taken, a store that
 * refuses it) is given up on, and the console says so, instead of being started again every second forever. A service
 * that stays up long enough starts over with the shortest back-off.
 */
final class Supervisor {

    /** What the supervisor acts on: a service it can ask whether it runs, and start. */
    interface Supervised {
        String name();

        boolean isAlive();

        /** How it ended, for the console ("exit code 1"). */
        String exit();

        void start();

        /** Where to look when it keeps dying. */
        String log();
    }

    /**
     * @param firstDelay  back-off before the first restart in a row
     * @param maxDelay    the longest back-off
     * @param maxRestarts restarts allowed within {@code window}; one more death and the service is given up on
     * @param stableAfter up this long, a service's next death starts again at {@code firstDelay}
     */
    record Policy(Duration firstDelay, Duration maxDelay, int maxRestarts, Duration window, Duration stableAfter) {
        static final Policy DEFAULT = new Policy(Duration.ofSeconds(1), Duration.ofSeconds(60), 5,
                Duration.ofMinutes(10), Duration.ofMinutes(2));
    }

    private static final class Watch {
        final Deque<Long> restarts = new ArrayDeque<>();
        long delayNanos;
        long startedAt;
        Long restartAt;
        boolean givenUp;
    }

    private final Policy policy;
    private final LongSupplier nanoTime;
    private final PrintStream out;
    private final Map<Supervised, Watch> watches = new LinkedHashMap<>();

    Supervisor(List<? extends Supervised> services, Policy policy, LongSupplier nanoTime, PrintStream out) {
        this.policy = policy;
        this.nanoTime = nanoTime;
        this.out = out;
        long now = nanoTime.getAsLong();
        for (Supervised s : services) {
            Watch w = new Watch();
            w.delayNanos = policy.firstDelay().toNanos();
            w.startedAt = now;
            watches.put(s, w);
        }
    }

    /** One look at every service: schedules, makes or gives up restarts. Called about once a second. */
    void check() {
        long now = nanoTime.getAsLong();
        watches.forEach((service, w) -> {
            if (w.givenUp) {
                return;
            }
            if (w.restartAt == null && service.isAlive()) {
                if (now - w.startedAt >= policy.stableAfter().toNanos()) {
                    w.delayNanos = policy.firstDelay().toNanos();
                }
                return;
            }
            if (w.restartAt == null) {
                died(service, w, now);
            } else if (now >= w.restartAt) {
                w.restartAt = null;
                w.restarts.addLast(now);
                w.startedAt = now;
                service.start();
            }
        });
    }

    private void died(Supervised service, Watch w, long now) {
        long windowStart = now - policy.window().toNanos();
        while (!w.restarts.isEmpty() && w.restarts.peekFirst() < windowStart) {
            w.restarts.removeFirst();
        }
        if (w.restarts.size() >= policy.maxRestarts()) {
            w.givenUp = true;
            out.printf("%s exited (%s) after %d restarts within %d min: it keeps dying, so it is not restarted again;"
                            + " the rest of the platform runs on without it (log: %s)%n", service.name(), service.exit(),
                    w.restarts.size(), policy.window().toMinutes(), service.log());
            return;
        }
        w.restartAt = now + w.delayNanos;
        out.printf("%s exited (%s); restarting it in %s (restart %d of at most %d within %d min; log: %s)%n",
                service.name(), service.exit(), seconds(w.delayNanos), w.restarts.size() + 1, policy.maxRestarts(),
                policy.window().toMinutes(), service.log());
        w.delayNanos = Math.min(w.delayNanos * 2, policy.maxDelay().toNanos());
    }

    boolean gaveUpOn(String name) {
        return watches.entrySet().stream().anyMatch(e -> e.getKey().name().equals(name) && e.getValue().givenUp);
    }

    private static String seconds(long nanos) {
        return Duration.ofNanos(nanos).toSeconds() + " s";
    }
}
