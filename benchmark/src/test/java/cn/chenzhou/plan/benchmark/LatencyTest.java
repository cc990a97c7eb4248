package cn.chenzhou.plan.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyTest {

    @Test
    void percentilesOfOneToAThousandMillisecondsAreWhereTheyShouldBe() {
        Latency l = new Latency();
        for (int ms = 1; ms <= 1000; ms++) {
            l.recordNanos(ms * 1_000_000L);
        }
        Latency.Summary s = l.summary();
        assertThat(s.count()).isEqualTo(1000);
        assertThat(s.p50Ms()).isCloseTo(500, within(1.0));
        assertThat(s.p99Ms()).isCloseTo(990, within(2.0));
        assertThat(s.p999Ms()).isCloseTo(999, within(2.0));
        assertThat(s.maxMs()).isCloseTo(1000, within(2.0));
        assertThat(s.meanMs()).isCloseTo(500.5, within(1.0));
    }

    @Test
    void aStallChargedToEveryRequestItDelayedShowsInTheTailNotJustOnce() {
        // open loop at 100/s: a 1 s stall delays the 100 requests meant to start during it, each by less and less
        Latency corrected = new Latency();
        for (int i = 0; i < 9_800; i++) {
            corrected.recordNanos(2_000_000);
        }
        for (int i = 0; i < 100; i++) {
            corrected.recordNanos(1_000_000_000L - i * 10_000_000L);
        }
        assertThat(corrected.summary().p99Ms()).isGreaterThan(10);
        assertThat(corrected.summary().maxMs()).isCloseTo(1000, within(2.0));
    }

    @Test
    void sub_microsecondAndOverlongValuesAreClampedNotLost() {
        Latency l = new Latency();
        l.recordNanos(10);
        l.recordNanos(Long.MAX_VALUE / 2);
        assertThat(l.count()).isEqualTo(2);
    }

    @Test
    void nothingRecordedGivesAnEmptySummary() {
        assertThat(new Latency().summary()).isEqualTo(Latency.Summary.EMPTY);
    }
}
