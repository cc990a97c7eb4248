package cn.chenzhou.plan.projects.project.model;

/** Level of a project (国家级 / 省级 / 市级). */
public enum Level {
    NATIONAL, PROVINCIAL, MUNICIPAL
}
