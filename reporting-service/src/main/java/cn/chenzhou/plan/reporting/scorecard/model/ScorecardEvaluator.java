package cn.chenzhou.plan.reporting.scorecard.model;

import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.reporting.facts.model.FactBook;
import cn.chenzhou.plan.reporting.indicator.model.Indicator;
import cn.chenzhou.plan.reporting.indicator.model.Indicators;
import cn.chenzhou.plan.reporting.indicator.model.Measure;
import cn.chenzhou.plan.reporting.indicator.model.Measures;
import cn.chenzhou.plan.reporting.indicator.model.Unit;
import cn.chenzhou.plan.reporting.indicator.model.Window;
import cn.chenzhou.plan.reporting.plan.model.Counting;
import cn.chenzhou.plan.reporting.plan.model.PlanDefinition;
import cn.chenzhou.plan.reporting.plan.model.TargetDefinition;
import cn.chenzhou.plan.reporting.plan.model.ThresholdKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Judges a plan's targets on a date from the facts.
 *
 * <p>Against the pace (linear over the period unless the plan says otherwise), with {@code p} the share of the pace
 * elapsed and {@code g} the figure: a value reaching {@code g} is ACHIEVED; at or above {@code g·p} ON_TRACK; below
 * {@code g·p} but at or above {@code g·p·r} (r = the plan's at-risk share, 0.5 by default) BEHIND; below that, or short
 * of the figure once the period is over, AT_RISK. Per-county targets are judged county by county; their city line
 * counts the counties that meet the figure and is judged the same way against the counties required. A county with no
 * data is NO_DATA, never zero; a city line with no county data at all is NO_DATA too.
 */
public final class ScorecardEvaluator {
    private ScorecardEvaluator() {
    }

    public static TargetResult evaluate(PlanDefinition plan, TargetDefinition t, FactBook facts, LocalDate asOf) {
        return judge(plan, t, indicator(t).measure(facts, window(plan, t, asOf)), asOf);
    }

    public static Window window(PlanDefinition plan, TargetDefinition t, LocalDate asOf) {
        return new Window(asOf, t.counting() == Counting.IN_PERIOD ? plan.start() : null, plan.start(), plan.end());
    }

    private static Indicator indicator(TargetDefinition t) {
        return Indicators.byCode(t.indicator())
                .orElseThrow(() -> new IllegalStateException("plan refers to unknown indicator " + t.indicator()));
    }

    static TargetResult judge(PlanDefinition plan, TargetDefinition t, Measures m, LocalDate asOf) {
        Unit unit = indicator(t).unit();
        BigDecimal pace = plan.paceAt(t, asOf);
        Pace p = new Pace(pace, plan.isOver(asOf), plan.atRiskBelow());
        Map<String, Reading> counties = new LinkedHashMap<>();
        Reading city;
        BigDecimal expected = null;
        if (t.kind() == ThresholdKind.YEARLY_AT_LEAST) {
            city = yearly(plan, t, (Measure.Yearly) m.city(), asOf);
            m.counties().forEach((code, measure) -> counties.put(code, contribution(measure)));
        } else if (t.perCounty()) {
            int planYearsCompared = plan.end().getYear() - plan.start().getYear();
            for (County c : County.values()) {
                counties.put(c.code(), judgeCounty(t, m.county(c.code()), p, planYearsCompared));
            }
            city = countiesMeeting(t, counties, p);
            expected = BigDecimal.valueOf(t.requiredCounties()).multiply(pace).setScale(2, RoundingMode.HALF_UP);
        } else {
            city = judgeValue(t, m.city(), p);
            m.counties().forEach((code, measure) -> counties.put(code, contribution(measure)));
            expected = t.figure().multiply(pace).setScale(2, RoundingMode.HALF_UP);
        }
        return new TargetResult(t, unit, goal(t, unit), expected, pace, city, counties);
    }

    /** The pace on the date: share elapsed, whether the period is over, and the at-risk share. */
    record Pace(BigDecimal elapsed, boolean over, BigDecimal atRiskBelow) {
        Status of(BigDecimal value, BigDecimal figure) {
            if (value.compareTo(figure) >= 0) {
                return Status.ACHIEVED;
            }
            if (over) {
                return Status.AT_RISK;
            }
            BigDecimal expected = figure.multiply(elapsed);
            if (value.compareTo(expected) >= 0) {
                return Status.ON_TRACK;
            }
            return value.compareTo(expected.multiply(atRiskBelow)) >= 0 ? Status.BEHIND : Status.AT_RISK;
        }
    }

    private static Reading judgeValue(TargetDefinition t, Measure measure, Pace p) {
        if (measure instanceof Measure.NoData n) {
            return Reading.noData(n.reason());
        }
        BigDecimal value = number(measure);
        Status status = p.of(value, t.figure());
        String detail = null;
        if (t.kind() == ThresholdKind.RANGE && value.compareTo(t.upTo()) > 0) {
            detail = "above the range";
        }
        return new Reading(text(measure), value, status, detail);
    }

    private static Reading judgeCounty(TargetDefinition t, Measure measure, Pace p, int planYearsCompared) {
        if (measure instanceof Measure.NoData n) {
            return Reading.noData(n.reason());
        }
        if (measure instanceof Measure.Ratio r) {
            Status status = r.reaches(t.figure()) ? Status.ACHIEVED : p.of(r.percent(), t.figure());
            return new Reading(text(r), r.percent(), status, r.year() == null ? null : String.valueOf(r.year()));
        }
        if (measure instanceof Measure.Growth g) {
            Status status = !g.allFaster() ? Status.AT_RISK
                    : g.years().size() >= planYearsCompared ? Status.ACHIEVED : Status.ON_TRACK;
            String detail = g.years().stream().map(y -> y.year() + ": " + signed(y.growthPercent()) + " / "
                    + signed(y.comparedGrowthPercent())).collect(Collectors.joining("; "));
            return new Reading(g.fasterYears() + "/" + g.years().size(), BigDecimal.valueOf(g.fasterYears()), status, detail);
        }
        return judgeValue(t, measure, p);
    }

    /** The city line of a per-county target: how many of the 11 counties meet it. */
    private static Reading countiesMeeting(TargetDefinition t, Map<String, Reading> counties, Pace p) {
        long withData = counties.values().stream().filter(r -> r.status() != Status.NO_DATA).count();
        if (withData == 0) {
            return Reading.noData("no county has data");
        }
        boolean growth = t.kind() == ThresholdKind.GROWTH_FASTER_THAN;
        long meeting = counties.values().stream()
                .filter(r -> r.status() == Status.ACHIEVED || (growth && r.status() == Status.ON_TRACK)).count();
        long achieved = counties.values().stream().filter(r -> r.status() == Status.ACHIEVED).count();
        int required = t.requiredCounties();
        Status status;
        if (meeting >= required) {
            status = achieved >= required ? Status.ACHIEVED : Status.ON_TRACK;
        } else {
            status = p.of(BigDecimal.valueOf(meeting), BigDecimal.valueOf(required));
        }
        long noData = counties.size() - withData;
        return new Reading(meeting + "/" + required, BigDecimal.valueOf(meeting), status,
                noData == 0 ? null : noData + " without data");
    }

    /**
     * F2-like targets: each year of the plan that has begun needs a budget of at least the figure, and must never be
     * overspent — judged against the plan's figure, not only the budget: a year that committed (allocated, plus
     * money clawed back) more than the figure is overspent however far its budget was raised. An overspent year is
     * AT_RISK at once; a missed year that is over is AT_RISK; the current year not yet funded is BEHIND.
     */
    private static Reading yearly(PlanDefinition plan, TargetDefinition t, Measure.Yearly yearly, LocalDate asOf) {
        long figureFen = t.figure().movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
        int met = 0;
        Status status = Status.ON_TRACK;
        List<String> notes = new ArrayList<>();
        for (Measure.YearFigure y : yearly.years()) {
            if (y.year() > asOf.getYear() || asOf.isBefore(plan.start())) {
                continue;
            }
            boolean funded = y.budgetFen() != null && y.budgetFen() >= figureFen;
            if (y.overspent()) {
                status = Status.AT_RISK;
                notes.add(y.year() + " overspent");
            } else if (y.committedFen() > figureFen) {
                status = Status.AT_RISK;
                notes.add(y.year() + " over the plan's figure");
            } else if (funded) {
                met++;
            } else {
                boolean yearOver = y.year() < asOf.getYear() || plan.isOver(asOf);
                notes.add(y.year() + (y.budgetFen() == null ? " not opened" : " below the figure"));
                if (yearOver) {
                    status = Status.AT_RISK;
                } else if (status != Status.AT_RISK) {
                    status = Status.BEHIND;
                }
            }
        }
        int years = yearly.years().size();
        if (status == Status.ON_TRACK && met == years) {
            status = Status.ACHIEVED;
        }
        return new Reading(met + "/" + years, BigDecimal.valueOf(met), status,
                notes.isEmpty() ? null : String.join("; ", notes));
    }

    private static Reading contribution(Measure measure) {
        if (measure instanceof Measure.NoData n) {
            return new Reading("—", null, null, n.reason());
        }
        if (measure instanceof Measure.Count || measure instanceof Measure.Amount || measure instanceof Measure.Ratio) {
            return new Reading(text(measure), number(measure), null, null);
        }
        return new Reading("—", null, null, null);
    }

    static BigDecimal number(Measure m) {
        if (m instanceof Measure.Count c) {
            return BigDecimal.valueOf(c.n());
        }
        if (m instanceof Measure.Amount a) {
            return a.yuan();
        }
        if (m instanceof Measure.Ratio r) {
            return r.percent();
        }
        throw new IllegalArgumentException("not a single number: " + m);
    }

    static String text(Measure m) {
        if (m instanceof Measure.Count c) {
            return String.valueOf(c.n());
        }
        if (m instanceof Measure.Amount a) {
            return Figures.yuan(a.fen());
        }
        if (m instanceof Measure.Ratio r) {
            return Figures.percent(r.percent());
        }
        return "—";
    }

    static String goal(TargetDefinition t, Unit unit) {
        if (t.kind() == ThresholdKind.GROWTH_FASTER_THAN) {
            return t.requiredCounties() + "/11";
        }
        String figure = unit == Unit.MONEY || unit == Unit.YEARLY ? Figures.yuan(t.figure()) : Figures.plain(t.figure());
        switch (t.kind()) {
            case RANGE:
                return (unit == Unit.MONEY ? figure + "–" + Figures.yuan(t.upTo()) : figure + "–" + Figures.plain(t.upTo()));
            case SHARE:
                return "≥ " + Figures.plain(t.figure()) + "%";
            case ALL_COUNTIES:
                return "≥ " + figure + " × " + t.requiredCounties() + "/11";
            case YEARLY_AT_LEAST:
                return figure + " / yr";
            default:
                return (t.perCounty() ? "≥ " + figure + " × " + t.requiredCounties() + "/11" : "≥ " + figure);
        }
    }

    private static String signed(BigDecimal percent) {
        return (percent.signum() >= 0 ? "+" : "") + Figures.percent(percent);
    }
}
