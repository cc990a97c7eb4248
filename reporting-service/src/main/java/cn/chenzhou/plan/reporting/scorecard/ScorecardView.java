package cn.chenzhou.plan.reporting.scorecard;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.reporting.indicator.model.Unit;
import cn.chenzhou.plan.reporting.plan.model.Counting;
import cn.chenzhou.plan.reporting.plan.model.LocalizedText;
import cn.chenzhou.plan.reporting.plan.model.Scope;
import cn.chenzhou.plan.reporting.plan.model.ThresholdKind;
import cn.chenzhou.plan.reporting.scorecard.model.Reading;
import cn.chenzhou.plan.reporting.scorecard.model.Scorecard;
import cn.chenzhou.plan.reporting.scorecard.model.Status;
import cn.chenzhou.plan.reporting.scorecard.model.TargetResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scorecard as the API shows it: every target with its city-wide line and, where a reader may see them, the
 * counties' lines (a county portal sees only its own county).
 */
public record ScorecardView(String planId, LocalizedText planName, LocalDate asOf, LocalDate periodStart,
                            LocalDate periodEnd, List<TargetView> targets) {

    /**
     * @param status     of the city-wide line (for a per-county target: of "how many counties meet it")
     * @param goalNumber the city-wide line's goal as a number: the figure (yuan for money), the counties required for a
     *                   per-county target, the plan's years for a yearly one
     * @param expected where the pace says the city-wide value should be (null where the pace does not apply)
     * @param pace     share of the pace elapsed, 0..1
     */
    public record TargetView(String id, LocalizedText label, String indicator, Scope scope, ThresholdKind kind,
                             Counting counting, Unit unit, int weight, String goal, BigDecimal goalNumber,
                             BigDecimal expected, BigDecimal pace,
                             Status status, String value, BigDecimal number, String detail, List<CountyLine> counties) {
    }

    /** A county's line: judged (status) for a per-county target, its contribution (no status) otherwise. */
    public record CountyLine(String county, String name, String nameEn, Status status, String value, BigDecimal number,
                             String detail) {
        static CountyLine of(String code, Reading r) {
            County c = County.ofCode(code);
            return new CountyLine(code, c.chineseName(), c.englishName(), r.status(), r.value(), r.number(), r.detail());
        }
    }

    public static ScorecardView of(Scorecard s, Actor actor) {
        List<TargetView> targets = new ArrayList<>();
        for (TargetResult t : s.targets()) {
            targets.add(target(t, actor, s.plan().end().getYear() - s.plan().start().getYear() + 1));
        }
        return new ScorecardView(s.plan().id(), s.plan().name(), s.asOf(), s.plan().start(), s.plan().end(), targets);
    }

    public static TargetView target(TargetResult t, Actor actor, int planYears) {
        List<CountyLine> counties = new ArrayList<>();
        for (Map.Entry<String, Reading> e : t.counties().entrySet()) {
            if (actor == null || actor.mayRead(e.getKey())) {
                counties.add(CountyLine.of(e.getKey(), e.getValue()));
            }
        }
        Reading city = t.city();
        BigDecimal goalNumber = t.target().kind() == ThresholdKind.YEARLY_AT_LEAST ? BigDecimal.valueOf(planYears)
                : t.target().perCounty() ? BigDecimal.valueOf(t.target().requiredCounties()) : t.target().figure();
        return new TargetView(t.target().id(), t.target().label(), t.target().indicator(), t.target().scope(),
                t.target().kind(), t.target().counting(), t.unit(), t.target().weight(), t.goal(), goalNumber,
                t.expected(), t.pace(),
                city.status(), city.value(), city.number(), city.detail(), counties);
    }
}
