package cn.chenzhou.plan.chassis.security;

/** What a principal may do; carried in the token's {@code roles} claim. */
public enum Role {
    /** 领导小组办公室 / bureau administrators: approve projects, accredit platforms, record assessments, load plans. */
    ADMIN,
    /** 财务 / 综合计划科: secure funds, open budgets, allocate, disburse, revoke. */
    FINANCE,
    /** 县市区科技局 county portal: submit and read its own county's projects, registrations and statistics. */
    COUNTY,
    /** read-only viewers. */
    VIEWER
}
