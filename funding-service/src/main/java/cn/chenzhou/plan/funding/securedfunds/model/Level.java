package cn.chenzhou.plan.funding.securedfunds.model;

/** Where secured funds come from: the state (国家) or the province (省). */
public enum Level {
    NATIONAL, PROVINCIAL
}
