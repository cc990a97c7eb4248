package cn.chenzhou.plan.benchmark;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives requests at the platform in one of two ways.
 *
 * <ul>
 *   <li><b>Open loop</b> (a fixed offered load): requests are started on a fixed schedule, whether or not earlier ones
 *       have answered. Latency runs from each request's intended start ({@link OpenLoopSchedule}), so a stall is
 *       charged to every request it delays — the load generator does not coordinate with the system it measures.
 *       The service time (from the moment the request was actually sent) is kept beside it.</li>
 *   <li><b>Closed loop</b> (saturation): a fixed number of callers, each sending its next request as soon as the last
 *       one answered; the throughput they reach is the most the system accepts at that concurrency.</li>
 * </ul>
 * Latency is recorded for accepted (2xx) answers only; every other answer is counted by status.
 */
final class LoadGenerator {
    /** One request: number {@code i} of the phase. */
    @FunctionalInterface
    interface Call {
        CompletableFuture<Http.Reply> send(long i);
    }

    /** Told of every accepted answer, at the moment it arrived ({@link System#nanoTime()}). */
    @FunctionalInterface
    interface Accepted {
        void accepted(long i, Http.Reply reply, long arrivedNanos);
    }

    static final Accepted IGNORE = (i, r, t) -> { };

    /**
     * What one phase measured.
     *
     * @param offeredPerSecond  the open loop's rate (null for a closed loop)
     * @param concurrency       the closed loop's callers, or the open loop's bound on requests in flight
     * @param latency           open loop: from intended start (corrected for coordinated omission); closed: response time
     * @param serviceTime       from the moment each request was sent
     * @param generatorCores    CPU the benchmark process used meanwhile, in cores (of the machine's two)
     */
    record Measured(String mode, Double offeredPerSecond, int concurrency, double seconds, long sent, long accepted,
                    Map<String, Long> refused, Map<String, String> refusalExamples, double acceptedPerSecond,
                    Latency.Summary latency, Latency.Summary serviceTime, double generatorCores) {
    }

    /**
     * What one or more runs recorded; runs of the same kind may be added up (e.g. A-B-B-A halves of a comparison).
     */
    static final class Recording {
        private final String mode;
        private final Double offered;
        private final int concurrency;
        final Latency latency = new Latency();
        final Latency service = new Latency();
        final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
        final Map<String, String> examples = new ConcurrentHashMap<>();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong sent = new AtomicLong();
        private double seconds;
        private double cpuSeconds;

        Recording(String mode, Double offered, int concurrency) {
            this.mode = mode;
            this.offered = offered;
            this.concurrency = concurrency;
        }

        void refused(Http.Reply reply, Throwable error) {
            String why = error != null ? "io-error" : String.valueOf(reply.status());
            refused.computeIfAbsent(why, k -> new AtomicLong()).incrementAndGet();
            examples.computeIfAbsent(why, k -> {
                String text = error != null ? String.valueOf(error) : String.valueOf(reply.body());
                return text.length() > 300 ? text.substring(0, 300) + "…" : text;
            });
        }

        Measured measured() {
            double s = Math.max(seconds, 1e-9);
            return new Measured(mode, offered, concurrency, Math.round(seconds * 100) / 100.0, sent.get(), accepted.get(),
                    counts(refused), new java.util.TreeMap<>(examples), accepted.get() / s, latency.summary(), service.summary(),
                    Math.round(cpuSeconds / s * 100) / 100.0);
        }
    }

    private LoadGenerator() {
    }

    static Measured openLoop(double rate, Duration duration, int maxInFlight, Call call, Accepted onAccepted)
            throws InterruptedException {
        Recording r = new Recording("open loop", rate, maxInFlight);
        openLoop(r, rate, duration, maxInFlight, call, onAccepted);
        return r.measured();
    }

    static void openLoop(Recording r, double rate, Duration duration, int maxInFlight, Call call, Accepted onAccepted)
            throws InterruptedException {
        AtomicLong lastArrival = new AtomicLong();
        Semaphore inFlight = new Semaphore(maxInFlight);
        long cpu0 = cpuNanos();
        OpenLoopSchedule schedule = new OpenLoopSchedule(System.nanoTime() + 5_000_000, rate);
        long end = schedule.startNanos() + duration.toNanos();
        for (long i = 0; ; i++) {
            long intended = schedule.intendedStart(i);
            if (intended >= end) {
                break;
            }
            waitUntil(intended);
            inFlight.acquire();
            long sentAt = System.nanoTime();
            r.sent.incrementAndGet();
            long index = i;
            start(call, index).whenComplete((reply, error) -> {
                long now = System.nanoTime();
                try {
                    if (error == null && reply.ok()) {
                        r.latency.recordNanos(now - intended);
                        r.service.recordNanos(now - sentAt);
                        r.accepted.incrementAndGet();
                        lastArrival.accumulateAndGet(now, Math::max);
                        onAccepted.accepted(index, reply, now);
                    } else {
                        r.refused(reply, error);
                    }
                } finally {
                    inFlight.release();
                }
            });
        }
        if (!inFlight.tryAcquire(maxInFlight, 90, TimeUnit.SECONDS)) {
            r.refused.computeIfAbsent("unanswered", k -> new AtomicLong()).addAndGet(maxInFlight - inFlight.availablePermits());
        }
        double seconds = (Math.max(end, lastArrival.get()) - schedule.startNanos()) / 1e9;
        r.seconds += seconds;
        r.cpuSeconds += (cpuNanos() - cpu0) / 1e9;
    }

    static Measured closedLoop(int callers, Duration duration, Call call, Accepted onAccepted) throws InterruptedException {
        Recording r = new Recording("closed loop", null, callers);
        closedLoop(r, callers, duration, call, onAccepted);
        return r.measured();
    }

    static void closedLoop(Recording r, int callers, Duration duration, Call call, Accepted onAccepted)
            throws InterruptedException {
        AtomicLong lastArrival = new AtomicLong();
        CountDownLatch done = new CountDownLatch(callers);
        long cpu0 = cpuNanos();
        long begin = System.nanoTime();
        long end = begin + duration.toNanos();
        for (int c = 0; c < callers; c++) {
            new Caller(call, onAccepted, r, lastArrival, end, done).next();
        }
        if (!done.await(duration.toSeconds() + 90, TimeUnit.SECONDS)) {
            r.refused.computeIfAbsent("unanswered", k -> new AtomicLong()).addAndGet(done.getCount());
        }
        r.seconds += (Math.max(end, lastArrival.get()) - begin) / 1e9;
        r.cpuSeconds += (cpuNanos() - cpu0) / 1e9;
    }

    /** One caller of a closed loop: sends, waits for the answer, sends again until the phase ends. */
    private record Caller(Call call, Accepted onAccepted, Recording r, AtomicLong lastArrival, long end,
                          CountDownLatch done) {
        void next() {
            long sentAt = System.nanoTime();
            if (sentAt >= end) {
                done.countDown();
                return;
            }
            long i = r.sent.getAndIncrement();
            start(call, i).whenCompleteAsync((reply, error) -> {
                long now = System.nanoTime();
                if (error == null && reply.ok()) {
                    r.latency.recordNanos(now - sentAt);
                    r.service.recordNanos(now - sentAt);
                    r.accepted.incrementAndGet();
                    lastArrival.accumulateAndGet(now, Math::max);
                    onAccepted.accepted(i, reply, now);
                } else {
                    r.refused(reply, error);
                }
                next();
            });
        }
    }

    private static CompletableFuture<Http.Reply> start(Call call, long i) {
        try {
            return call.send(i);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Map<String, Long> counts(Map<String, AtomicLong> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    private static void waitUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
