package cn.chenzhou.plan.reporting.indicator.model;

import cn.chenzhou.plan.reporting.facts.model.FactBook;
import java.util.function.BiFunction;

/**
 * How to count one thing from the facts. Indicators are code; the targets that use them are data (a plan
 * definition names an indicator by its code).
 *
 * @param code    stable code a plan refers to, e.g. {@code platforms.provincial-or-higher}
 * @param unit    what the value is
 * @param nameZh  Chinese name
 * @param nameEn  English name
 * @param perCountyOnly true if the indicator is judged county by county (shares, growth): no meaningful city sum
 */
public record Indicator(String code, Unit unit, String nameZh, String nameEn, boolean perCountyOnly,
                        BiFunction<FactBook, Window, Measures> counting) {

    public Measures measure(FactBook facts, Window window) {
        return counting.apply(facts, window);
    }
}
