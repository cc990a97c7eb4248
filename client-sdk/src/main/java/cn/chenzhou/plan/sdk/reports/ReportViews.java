package cn.chenzhou.plan.sdk.reports;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.sdk.reports.Scorecard.Text;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The other read models of reporting-service, as the SDK returns them. */
public final class ReportViews {
    private ReportViews() {
    }

    /** How many projects a county has submitted. */
    public record CountyProjects(String county, String name, long submitted) {
    }

    /** A target month by month, for the city ({@code 431000}) or a county. */
    public record TargetSeries(String targetId, Text label, String scope, String goal, List<SeriesPoint> points) {
    }

    public record SeriesPoint(LocalDate date, String status, String value, BigDecimal number, BigDecimal expected) {
    }

    public record Indicator(String code, String unit, String nameZh, String nameEn, boolean perCountyOnly) {
    }

    public record IndicatorSeries(String code, String scope, List<IndicatorPoint> points) {
    }

    public record IndicatorPoint(LocalDate date, String value, BigDecimal number) {
    }

    /** Funding progress (F1) and each year's special fund (F2) as of a date. */
    public record FundingProgress(String planId, LocalDate asOf, Secured secured, List<SpecialFundYear> specialFund) {
    }

    public record Secured(Money secured, Money reversed, Money net, Money goal, Money expected, BigDecimal progressPercent,
                          Map<String, Money> byLevel, Map<String, Money> byScope) {
    }

    /**
     * One year of the special fund, as funding-service counts it: {@code left} = budget − allocated − clawed back;
     * {@code overspent} when more is committed than the budget or than the plan's yearly {@code figure}.
     */
    public record SpecialFundYear(int year, Money budget, Money allocated, Money disbursed, Money clawedBack, Money left,
                                  int allocations, boolean overspent, Money figure) {
    }

    /** The county performance assessment (绩效考核): counties ranked by their weighted score. */
    public record Assessment(String planId, LocalDate asOf, List<CountyRank> counties) {
    }

    public record CountyRank(int rank, String county, String name, String nameEn, BigDecimal score,
                             List<TargetScore> targets) {
    }

    public record TargetScore(String targetId, int weight, String status, String value, BigDecimal points) {
    }

    /** A target's status changed for the worse (an alert) or the better (a recovery). */
    public record Alert(String alertId, String planId, String targetId, String scope, String scopeName,
                        String fromStatus, String toStatus, String value, String goal, LocalDate asOf, Instant raisedAt) {
    }

    /** A plan loaded into reporting: its targets are data (the 2012–2014 Chenzhou plan by default). */
    public record PlanSummary(String id, Text name, String document, LocalDate start, LocalDate end, int targets,
                              boolean active, String loadedBy, Instant loadedAt) {
    }

    /** Where reporting's fact pipeline stands (state CATCHING_UP, LIVE or REBUILDING). */
    public record ReadModelStatus(String state, long eventsApplied, long duplicates, long ignored, long deadLettered,
                                  Instant lastAppliedAt, long lag, int aggregates, int facts, Rebuild rebuild) {
    }

    public record Rebuild(String state, String requestedBy, Instant startedAt, Instant finishedAt, long eventsToRead,
                          long eventsRead, double percent, Long eventsPerSecond) {
    }

    /** The sequence of the last event reporting applied for an aggregate (0 if none). */
    public record AggregateSequence(String topic, String aggregateId, long sequence) {
    }
}
