package cn.chenzhou.plan.reporting.facts.model;

/** Administrative level of a platform, designation, project or fund: 国家级 / 省级 / 市级. */
public enum Level {
    MUNICIPAL, PROVINCIAL, NATIONAL;

    /** "Provincial-or-higher" includes national; "municipal-or-higher" includes everything. */
    public boolean atLeast(Level other) {
        return compareTo(other) >= 0;
    }
}
