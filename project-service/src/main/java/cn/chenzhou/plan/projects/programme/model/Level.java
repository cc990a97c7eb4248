package cn.chenzhou.plan.projects.programme.model;

/** The level of government behind a programme or a project (国家级 / 省级 / 市级). */
public enum Level {
    NATIONAL, PROVINCIAL, MUNICIPAL
}
