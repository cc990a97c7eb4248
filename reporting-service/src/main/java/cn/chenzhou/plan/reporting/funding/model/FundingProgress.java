package cn.chenzhou.plan.reporting.funding.model;

import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.reporting.facts.model.FactBook;
import cn.chenzhou.plan.reporting.facts.model.Facts;
import cn.chenzhou.plan.reporting.indicator.model.Indicators;
import cn.chenzhou.plan.reporting.indicator.model.Measure;
import cn.chenzhou.plan.reporting.indicator.model.Window;
import cn.chenzhou.plan.reporting.plan.model.Counting;
import cn.chenzhou.plan.reporting.plan.model.PlanDefinition;
import cn.chenzhou.plan.reporting.plan.model.TargetDefinition;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The money side of the plan as of a date, exact in fen: national and provincial funds secured toward the goal (F1),
 * and each year's special fund (F2): budget, allocated, disbursed, clawed back, left — the figures funding-service
 * keeps, by its rules — and whether the year is overspent: committed past its budget, or past the plan's figure.
 */
public final class FundingProgress {
    private FundingProgress() {
    }

    /**
     * @param goalFen     the plan's figure for secured funds, null if the plan has no such target
     * @param expectedFen where the pace says the secured funds should be on the date
     * @param byLevel     net secured per level (NATIONAL, PROVINCIAL)
     * @param byScope     net secured per county code, and 431000 for funds secured by the city itself
     */
    public record SecuredFunds(long securedFen, long reversedFen, long netFen, Long goalFen, Long expectedFen,
                               Map<String, Long> byLevel, Map<String, Long> byScope) {
    }

    /**
     * @param leftFen   budget − allocated − clawed back, funding-service's {@code remaining}
     * @param overspent more committed than the budget, or than the plan's yearly figure
     * @param figureFen the plan's yearly figure for the special fund, null if the plan has none
     */
    public record SpecialFundYear(int year, Long budgetFen, long allocatedFen, long disbursedFen, long clawedBackFen,
                                  long leftFen, int allocations, boolean overspent, Long figureFen) {
    }

    public record Progress(LocalDate asOf, SecuredFunds secured, List<SpecialFundYear> specialFund) {
    }

    public static Progress of(PlanDefinition plan, FactBook facts, LocalDate asOf) {
        Optional<TargetDefinition> securedTarget = targetOn(plan, "funds.secured");
        Window w = new Window(asOf, securedTarget.map(t -> t.counting() == Counting.IN_PERIOD).orElse(true)
                ? plan.start() : null, plan.start(), plan.end());
        long secured = 0;
        long reversed = 0;
        Map<String, Long> byLevel = new LinkedHashMap<>();
        byLevel.put("NATIONAL", 0L);
        byLevel.put("PROVINCIAL", 0L);
        Map<String, Long> byScope = new LinkedHashMap<>();
        byScope.put(County.CITY_CODE, 0L);
        County.codes().forEach(c -> byScope.put(c, 0L));
        Set<String> counted = new HashSet<>();
        for (Facts.SecuredFunds s : facts.all(Facts.SecuredFunds.class)) {
            if (w.counts(s.securedOn())) {
                secured = Math.addExact(secured, s.amountFen());
                byLevel.merge(s.level().name(), s.amountFen(), Math::addExact);
                byScope.merge(s.county(), s.amountFen(), Math::addExact);
                counted.add(s.id());
            }
        }
        for (Facts.FundsReversal r : facts.all(Facts.FundsReversal.class)) {
            Facts.SecuredFunds entry = facts.get(Facts.SecuredFunds.class, r.reversedEntryId());
            boolean counts = entry != null ? counted.contains(entry.id()) : w.counts(r.reversedOn());
            if (counts && !r.reversedOn().isAfter(asOf)) {
                reversed = Math.addExact(reversed, r.amountFen());
                if (entry != null) {
                    byLevel.merge(entry.level().name(), -r.amountFen(), Math::addExact);
                }
                byScope.merge(r.county(), -r.amountFen(), Math::addExact);
            }
        }
        Long goal = securedTarget.map(t -> fen(t.figure())).orElse(null);
        Long expected = securedTarget.map(t -> fen(t.figure().multiply(plan.paceAt(t, asOf)))).orElse(null);
        SecuredFunds funds = new SecuredFunds(secured, reversed, secured - reversed, goal, expected, byLevel, byScope);

        Long figure = targetOn(plan, "special-fund.yearly-budget").map(t -> fen(t.figure())).orElse(null);
        Measure.Yearly yearly = (Measure.Yearly) Indicators.byCode("special-fund.yearly-budget").orElseThrow()
                .measure(facts, new Window(asOf, null, plan.start(), plan.end())).city();
        List<SpecialFundYear> years = new ArrayList<>();
        for (Measure.YearFigure y : yearly.years()) {
            boolean overFigure = figure != null && y.committedFen() > figure;
            years.add(new SpecialFundYear(y.year(), y.budgetFen(), y.allocatedFen(), y.disbursedFen(), y.clawedBackFen(),
                    y.leftFen(), y.allocations(), y.overspent() || overFigure, figure));
        }
        return new Progress(asOf, funds, years);
    }

    private static Optional<TargetDefinition> targetOn(PlanDefinition plan, String indicator) {
        return plan.targets().stream().filter(t -> t.indicator().equals(indicator)).findFirst();
    }

    private static long fen(java.math.BigDecimal yuan) {
        return yuan.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
