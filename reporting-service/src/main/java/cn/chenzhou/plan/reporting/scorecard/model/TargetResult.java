package cn.chenzhou.plan.reporting.scorecard.model;

import cn.chenzhou.plan.reporting.indicator.model.Unit;
import cn.chenzhou.plan.reporting.plan.model.TargetDefinition;
import java.math.BigDecimal;
import java.util.Map;

/**
 * One target on one date: the city-wide line and each county's line.
 *
 * @param goal     the figure as people read it
 * @param expected where the pace says the city-wide value should be on the date (null where a pace does not apply)
 * @param pace     share of the period's pace elapsed (0..1)
 * @param city     the city-wide line (for a per-county target: how many counties meet it)
 * @param counties each county's line in GB/T 2260 order: judged for a per-county target, a contribution otherwise
 */
public record TargetResult(TargetDefinition target, Unit unit, String goal, BigDecimal expected, BigDecimal pace,
                           Reading city, Map<String, Reading> counties) {
}
