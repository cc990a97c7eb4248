package cn.chenzhou.plan.reporting.indicator.model;

/** What an indicator's value is, which decides the threshold kinds a target on it may use. */
public enum Unit {
    /** a number of things */
    COUNT,
    /** money, fen inside, yuan outside */
    MONEY,
    /** a share, percent */
    PERCENT,
    /** yearly growth comparisons */
    GROWTH,
    /** a figure per year */
    YEARLY
}
