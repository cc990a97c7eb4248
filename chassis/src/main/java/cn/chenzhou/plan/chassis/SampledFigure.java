package cn.chenzhou.plan.chassis;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A figure that costs a query to know (a count in the store, offsets from the broker), taken on a thread of its own at
 * a fixed interval, so that a gauge reads the latest value and a scrape never waits for the store or the broker. Until
 * the first sample, and after a failed one, the figure is {@code unknown}: no figure rather than an old or a made-up one.
 */
public final class SampledFigure<T> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SampledFigure.class);
    private final ScheduledExecutorService sampler;
    private final T unknown;
    private volatile T latest;

    public SampledFigure(String name, Duration every, Supplier<T> sample, T unknown) {
        this.unknown = unknown;
        this.latest = unknown;
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleWithFixedDelay(() -> {
            try {
                latest = sample.get();
            } catch (RuntimeException e) {
                log.debug("{} could not be sampled: {}", name, e.toString());
                latest = this.unknown;
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public T latest() {
        return latest;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
