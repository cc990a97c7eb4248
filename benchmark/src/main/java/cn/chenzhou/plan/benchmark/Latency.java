package cn.chenzhou.plan.benchmark;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies of one measurement, recorded from any thread into an HdrHistogram (1 µs to 5 min, 3 significant digits).
 * Values are recorded in microseconds; summaries are in milliseconds.
 */
final class Latency {
    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(5);
    private final Histogram histogram = new ConcurrentHistogram(1, HIGHEST_MICROS, 3);

    void recordNanos(long nanos) {
        long micros = Math.max(1, nanos / 1000);
        histogram.recordValue(Math.min(micros, HIGHEST_MICROS));
    }

    long count() {
        return histogram.getTotalCount();
    }

    Summary summary() {
        return Summary.of(histogram);
    }

    /**
     * Percentiles of a histogram in milliseconds; {@code count} 0 leaves them at 0.
     *
     * @param p999 the 99.9th percentile (meaningful from about a thousand values)
     */
    record Summary(long count, double meanMs, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs) {
        static final Summary EMPTY = new Summary(0, 0, 0, 0, 0, 0, 0);

        static Summary of(Histogram h) {
            if (h.getTotalCount() == 0) {
                return EMPTY;
            }
            return new Summary(h.getTotalCount(), ms(h.getMean()), ms(h.getValueAtPercentile(50)),
                    ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)),
                    ms(h.getMaxValue()));
        }

        private static double ms(double micros) {
            return Math.round(micros / 10.0) / 100.0;
        }
    }
}
