package cn.chenzhou.plan.reporting.plan.model;

/** Where a target is judged: once for the whole city, or county by county (with a city-wide "how many meet it"). */
public enum Scope {
    CITY, COUNTY
}
