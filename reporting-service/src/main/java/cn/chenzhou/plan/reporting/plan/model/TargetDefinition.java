package cn.chenzhou.plan.reporting.plan.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * One target of a plan, as data.
 *
 * @param id               e.g. T8a, F1
 * @param label            what it is, Chinese and English
 * @param indicator        code of the indicator that counts it
 * @param scope            city-wide, or per county
 * @param kind             how the figure is read
 * @param figure           the figure: a count, yuan for money, percent for shares, yuan per year for yearly budgets
 * @param upTo             the top of a range (RANGE only)
 * @param countiesRequired how many counties must meet a per-county target (default all 11)
 * @param counting         which facts count (default STOCK)
 * @param pace             milestones if the pace is not linear over the plan period (optional)
 * @param weight           weight in the county performance assessment (0 = not assessed)
 */
public record TargetDefinition(String id, LocalizedText label, String indicator, Scope scope, ThresholdKind kind,
                               BigDecimal figure, BigDecimal upTo, Integer countiesRequired, Counting counting,
                               List<PaceMilestone> pace, Integer weight) {

    public TargetDefinition {
        pace = pace == null ? List.of() : List.copyOf(pace);
        counting = counting == null ? Counting.STOCK : counting;
        weight = weight == null ? 0 : weight;
    }

    /** True if the target is judged county by county. */
    public boolean perCounty() {
        return scope == Scope.COUNTY;
    }

    public int requiredCounties() {
        return countiesRequired == null ? cn.chenzhou.plan.contracts.County.values().length : countiesRequired;
    }
}
