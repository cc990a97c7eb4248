package cn.chenzhou.plan.reporting.scorecard.model;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.reporting.indicator.model.Measure;
import cn.chenzhou.plan.reporting.indicator.model.Measures;
import cn.chenzhou.plan.reporting.plan.model.LocalizedText;
import cn.chenzhou.plan.reporting.plan.model.PaceMilestone;
import cn.chenzhou.plan.reporting.plan.model.PlanDefinition;
import cn.chenzhou.plan.reporting.plan.model.PlanValidation;
import cn.chenzhou.plan.reporting.plan.model.Scope;
import cn.chenzhou.plan.reporting.plan.model.TargetDefinition;
import cn.chenzhou.plan.reporting.plan.model.ThresholdKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Given a target of ten platforms over 2012–2014, its status at a date follows the pace. */
class PaceAndStatusTest {
    private static final TargetDefinition TEN = new TargetDefinition("T8a", new LocalizedText("平台", "platforms"),
            "platforms.provincial-or-higher", Scope.CITY, ThresholdKind.AT_LEAST, BigDecimal.TEN, null, null, null, null, 0);
    private static final PlanDefinition PLAN = new PlanDefinition("plan-a", new LocalizedText("计划", "plan"), null,
            LocalDate.of(2012, 1, 1), LocalDate.of(2014, 12, 31), List.of(), null, List.of(TEN));
    private static final LocalDate MID = LocalDate.of(2013, 6, 30);

    private static Status statusOf(long value, LocalDate asOf) {
        return ScorecardEvaluator.judge(PLAN, TEN, new Measures(new Measure.Count(value), Map.of()), asOf).city().status();
    }

    @Test
    void thePaceRunsLinearlyOverThePeriodCountedInDays() {
        assertThat(PLAN.paceAt(TEN, LocalDate.of(2011, 12, 31))).isEqualByComparingTo("0");
        assertThat(PLAN.paceAt(TEN, MID)).isEqualByComparingTo("0.499088");
        assertThat(PLAN.paceAt(TEN, LocalDate.of(2014, 12, 31))).isEqualByComparingTo("1");
    }

    @Test
    void midPlanFiveIsOnTrackThreeIsBehindTwoIsAtRiskTenIsAchieved() {
        assertThat(statusOf(10, MID)).isEqualTo(Status.ACHIEVED);
        assertThat(statusOf(5, MID)).isEqualTo(Status.ON_TRACK);
        assertThat(statusOf(3, MID)).isEqualTo(Status.BEHIND);
        assertThat(statusOf(2, MID)).isEqualTo(Status.AT_RISK);
    }

    @Test
    void oncePeriodIsOverAnythingShortOfTheFigureIsAtRisk() {
        assertThat(statusOf(9, LocalDate.of(2014, 12, 31))).isEqualTo(Status.AT_RISK);
        assertThat(statusOf(10, LocalDate.of(2015, 3, 1))).isEqualTo(Status.ACHIEVED);
    }

    @Test
    void aPlanMayPaceItselfThroughMilestones() {
        PlanDefinition slowStart = new PlanDefinition("plan-a", PLAN.name(), null, PLAN.start(), PLAN.end(),
                List.of(new PaceMilestone(LocalDate.of(2012, 12, 31), new BigDecimal("0.1"))), null, List.of(TEN));
        assertThat(slowStart.paceAt(TEN, LocalDate.of(2012, 12, 31))).isEqualByComparingTo("0.1");
        assertThat(ScorecardEvaluator.judge(slowStart, TEN, new Measures(new Measure.Count(1), Map.of()),
                LocalDate.of(2012, 12, 31)).city().status()).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void aShareTargetJudgesEachCountyAndCountsTheCountiesThatMeetIt() {
        TargetDefinition share = new TargetDefinition("T9", new LocalizedText("比重", "share"), "statistics.fiscal-st-share",
                Scope.COUNTY, ThresholdKind.SHARE, new BigDecimal("1.3"), null, null, null, null, 15);
        Map<String, Measure> counties = new HashMap<>();
        counties.put("431002", new Measure.Ratio(13, 1000, 2014));
        counties.put("431003", new Measure.Ratio(129, 10000, 2014));
        TargetResult r = ScorecardEvaluator.judge(PLAN, share, new Measures(new Measure.NoData("-"), counties), LocalDate.of(2014, 12, 31));
        assertThat(r.counties().get("431002").status()).as("exactly 1.3%").isEqualTo(Status.ACHIEVED);
        assertThat(r.counties().get("431003").status()).isEqualTo(Status.AT_RISK);
        assertThat(r.counties().get("431021").status()).as("no data is not zero").isEqualTo(Status.NO_DATA);
        assertThat(r.counties().get("431021").value()).isEqualTo("—");
        assertThat(r.city().value()).isEqualTo("1/11");
        assertThat(r.city().detail()).isEqualTo("9 without data");
    }

    @Test
    void theDefaultShapeOfAPlanPassesValidationAndAShareOnTheCityDoesNot() {
        assertThat(PlanValidation.issues(PLAN)).isEmpty();
        TargetDefinition cityShare = new TargetDefinition("T9", new LocalizedText("比重", null), "statistics.fiscal-st-share",
                Scope.CITY, ThresholdKind.SHARE, new BigDecimal("1.3"), null, null, null, null, 5);
        PlanDefinition bad = new PlanDefinition("plan-a", PLAN.name(), null, PLAN.start(), PLAN.end(), List.of(), null, List.of(cityShare));
        assertThat(PlanValidation.issues(bad)).extracting(PlanValidation.Issue::field)
                .containsExactlyInAnyOrder("targets[0].scope", "targets[0].weight");
    }

    @Test
    void aYearThatCommitsMoreThanThePlansFigureIsOverspentHoweverFarItsBudgetWasRaised() {
        TargetDefinition f2 = new TargetDefinition("F2", new LocalizedText("专项资金", "special fund"),
                "special-fund.yearly-budget", Scope.CITY, ThresholdKind.YEARLY_AT_LEAST, new BigDecimal("2000000"),
                null, null, null, null, 0);
        Measure.Yearly years = new Measure.Yearly(List.of(
                new Measure.YearFigure(2012, 200_000_000L, 150_000_000L, 0, 0, 1),
                new Measure.YearFigure(2013, 200_000_000L, 175_000_000L, 0, 9_000_000L, 2),
                new Measure.YearFigure(2014, 900_000_000L, 500_000_000L, 0, 0, 1)));
        Reading f2At = ScorecardEvaluator.judge(PLAN, f2, new Measures(years, Map.of()), LocalDate.of(2014, 12, 31)).city();
        assertThat(f2At.status()).isEqualTo(Status.AT_RISK);
        assertThat(f2At.detail()).isEqualTo("2014 over the plan's figure");
        assertThat(f2At.value()).isEqualTo("2/3");

        // committed is allocated plus what was clawed back: 2013's 1,750,000 + 90,000 is within the figure, and leaves 160,000
        assertThat(years.years().get(1).committedFen()).isEqualTo(184_000_000L);
        assertThat(years.years().get(1).leftFen()).isEqualTo(16_000_000L);
    }
}
