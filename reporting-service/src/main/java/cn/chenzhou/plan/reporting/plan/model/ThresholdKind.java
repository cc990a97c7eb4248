package cn.chenzhou.plan.reporting.plan.model;

/** How a target's figure is read. */
public enum ThresholdKind {
    /** the value reaches the figure (a count or an amount) */
    AT_LEAST,
    /** the value lies in figure..upTo; above the range still counts as achieved, with a note */
    RANGE,
    /** each county's share (percent) reaches the figure; the city line counts the counties that do */
    SHARE,
    /** every county reaches the figure (default 1); the city line counts the counties that do, out of all 11 */
    ALL_COUNTIES,
    /** each county's figure grows faster than the compared figure, every year after the plan's first */
    GROWTH_FASTER_THAN,
    /** every year of the plan reaches the figure (the special fund's budget), never overspent */
    YEARLY_AT_LEAST
}
