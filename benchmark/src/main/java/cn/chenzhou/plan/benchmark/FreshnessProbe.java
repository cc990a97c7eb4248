package cn.chenzhou.plan.benchmark;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long after a command's 2xx at the gateway its effect is visible in reporting's read model. For each probed
 * command it asks reporting (directly, not through the gateway: the instrument should not load what it measures) to
 * answer once the aggregate's first event is applied ({@code GET /api/reports/read-model/aggregates/{topic}/{id}
 * ?atLeast=1&waitMs=30000}); freshness is the time from the command's answer to that answer. It is an upper bound:
 * it includes the probe's own answer (well under a millisecond here).
 */
final class FreshnessProbe {
    private static final Pattern SEQUENCE = Pattern.compile("\"sequence\"\\s*:\\s*(\\d+)");
    private final Http http;
    private final String reporting;
    private final String token;
    private final int everyNth;
    private final Latency freshness = new Latency();
    private final AtomicLong notSeen = new AtomicLong();
    private final Semaphore outstanding = new Semaphore(Integer.MAX_VALUE);
    private final AtomicLong probes = new AtomicLong();

    /** @param everyNth probe one accepted command in this many (1 = every command) */
    FreshnessProbe(Http http, String reportingUrl, String token, int everyNth) {
        this.http = http;
        this.reporting = reportingUrl;
        this.token = token;
        this.everyNth = Math.max(1, everyNth);
    }

    /** A command was accepted at {@code ackNanos}; its first event goes to {@code topic} with subject {@code id}. */
    void accepted(long i, String topic, String id, long ackNanos) {
        if (i % everyNth != 0 || id == null) {
            return;
        }
        probes.incrementAndGet();
        outstanding.acquireUninterruptibly();
        http.get(reporting + "/api/reports/read-model/aggregates/" + topic + "/" + id + "?atLeast=1&waitMs=30000", token, true)
                .whenComplete((reply, error) -> {
                    long now = System.nanoTime();
                    try {
                        if (error == null && reply.ok() && sequenceOf(reply.body()) >= 1) {
                            freshness.recordNanos(now - ackNanos);
                        } else {
                            notSeen.incrementAndGet();
                        }
                    } finally {
                        outstanding.release();
                    }
                });
    }

    static long sequenceOf(String body) {
        Matcher m = SEQUENCE.matcher(body == null ? "" : body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Waits for the probes still waiting (at most their 30 s wait and a little more). */
    void finish() throws InterruptedException {
        if (outstanding.tryAcquire(Integer.MAX_VALUE, 40, TimeUnit.SECONDS)) {
            outstanding.release(Integer.MAX_VALUE);
        }
    }

    long probes() {
        return probes.get();
    }

    /** Probes not answered with the event applied within 30 s (or that failed). */
    long notSeen() {
        return notSeen.get();
    }

    Latency.Summary summary() {
        return freshness.summary();
    }
}
