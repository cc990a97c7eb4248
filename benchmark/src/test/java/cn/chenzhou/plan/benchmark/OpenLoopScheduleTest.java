package cn.chenzhou.plan.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

    @Test
    void requestsAreSpacedEvenlyAtTheOfferedRateFromTheStart() {
        OpenLoopSchedule s = new OpenLoopSchedule(1_000, 100);
        assertThat(s.intendedStart(0)).isEqualTo(1_000);
        assertThat(s.intendedStart(1)).isEqualTo(1_000 + 10_000_000);
        assertThat(s.intendedStart(100)).isEqualTo(1_000 + 1_000_000_000);
    }

    @Test
    void aFractionalRateKeepsItsAverageWithoutDrift() {
        OpenLoopSchedule s = new OpenLoopSchedule(0, 3);
        assertThat(s.intendedStart(3)).isEqualTo(1_000_000_000);
        assertThat(s.intendedStart(3_000)).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void aSecondAtOneHundredPerSecondHoldsOneHundredRequests() {
        OpenLoopSchedule s = new OpenLoopSchedule(0, 100);
        assertThat(s.requestsWithin(1_000_000_000)).isEqualTo(100);
        assertThat(s.requestsWithin(1_000_000_001)).isEqualTo(101);
        assertThat(s.requestsWithin(1)).isEqualTo(1);
        assertThat(s.requestsWithin(0)).isZero();
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> new OpenLoopSchedule(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenLoopSchedule(0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
