package cn.chenzhou.plan.sdk;

/**
 * The level of government behind a programme, project, platform or designation (国家级 / 省级 / 市级), and the
 * source of secured funds (national or provincial only). "Provincial-or-higher" includes national.
 */
public enum Level {
    NATIONAL, PROVINCIAL, MUNICIPAL
}
