package cn.chenzhou.plan.reporting.scorecard;

import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.reporting.assessment.model.CountyAssessment;
import cn.chenzhou.plan.reporting.facts.FactsReadModel;
import cn.chenzhou.plan.reporting.funding.model.FundingProgress;
import cn.chenzhou.plan.reporting.plan.PlanBook;
import cn.chenzhou.plan.reporting.plan.ReportingCalendar;
import cn.chenzhou.plan.reporting.plan.model.PlanDefinition;
import cn.chenzhou.plan.reporting.plan.model.TargetDefinition;
import cn.chenzhou.plan.reporting.scorecard.model.Scorecard;
import cn.chenzhou.plan.reporting.scorecard.model.ScorecardEvaluator;
import cn.chenzhou.plan.reporting.scorecard.model.TargetResult;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Every report of the plan in force, computed from the facts as of a date (the live date when none is given). */
@Component
public class Reports {
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    private static final int MAX_POINTS = 400;

    private final FactsReadModel facts;
    private final PlanBook plans;
    private final ReportingCalendar calendar;

    Reports(FactsReadModel facts, PlanBook plans, ReportingCalendar calendar) {
        this.facts = facts;
        this.plans = plans;
        this.calendar = calendar;
    }

    public PlanDefinition plan() {
        return plans.active();
    }

    /** The live date of the plan in force: today, or its end if it is over. */
    public LocalDate liveDate() {
        return plan().liveDate(calendar.today());
    }

    /** The date asked for, or the live date; refused (400) outside 2000–2100. */
    public LocalDate dateOrLive(LocalDate asOf) {
        if (asOf == null) {
            return liveDate();
        }
        if (asOf.isBefore(EARLIEST) || asOf.isAfter(LATEST)) {
            throw ApiException.invalidField("asOf", "must be a date between " + EARLIEST + " and " + LATEST);
        }
        return asOf;
    }

    /**
     * The scorecard as of a date. Each target is evaluated under its own short read lock, so that a large fact book never
     * holds the event pipeline's writes back for the time of a whole scorecard (freshness matters more than the few
     * milliseconds by which two targets' facts could differ while events stream in).
     */
    public Scorecard scorecard(LocalDate asOf) {
        PlanDefinition plan = plan();
        LocalDate date = dateOrLive(asOf);
        List<TargetResult> results = new ArrayList<>(plan.targets().size());
        for (TargetDefinition t : plan.targets()) {
            results.add(facts.read(book -> ScorecardEvaluator.evaluate(plan, t, book, date)));
        }
        return new Scorecard(plan, date, results);
    }

    public List<CountyAssessment.CountyScore> assessment(LocalDate asOf) {
        return CountyAssessment.rank(scorecard(asOf));
    }

    public FundingProgress.Progress funding(LocalDate asOf) {
        PlanDefinition plan = plan();
        LocalDate date = dateOrLive(asOf);
        return facts.read(book -> FundingProgress.of(plan, book, date));
    }

    public TargetDefinition target(String targetId) {
        return plan().target(targetId).orElseThrow(() -> ApiException.notFound("target", targetId));
    }

    /** A target on one date of a series. */
    public record Point(LocalDate date, TargetResult result) {
    }

    /** A target on each month-end of the plan period from {@code from} to {@code to} (and on {@code to} itself). */
    public List<Point> series(TargetDefinition target, LocalDate from, LocalDate to) {
        PlanDefinition plan = plan();
        List<LocalDate> dates = monthEnds(from == null ? plan.start() : dateOrLive(from),
                to == null ? liveDate() : dateOrLive(to));
        List<Point> points = new ArrayList<>(dates.size());
        for (LocalDate d : dates) {
            points.add(new Point(d, facts.read(book -> ScorecardEvaluator.evaluate(plan, target, book, d))));
        }
        return points;
    }

    public List<LocalDate> monthEnds(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ApiException.invalidField("to", "must not be before from");
        }
        List<LocalDate> dates = new ArrayList<>();
        LocalDate d = from.with(TemporalAdjusters.lastDayOfMonth());
        while (!d.isAfter(to) && dates.size() < MAX_POINTS) {
            dates.add(d);
            d = d.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
        }
        if (dates.isEmpty() || !dates.get(dates.size() - 1).equals(to)) {
            dates.add(to);
        }
        if (dates.size() > MAX_POINTS) {
            throw ApiException.invalidField("from", "at most " + MAX_POINTS + " monthly points");
        }
        return dates;
    }
}
