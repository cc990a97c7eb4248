package cn.chenzhou.plan.projects.project.model;

/** Where a project stands in its life. */
public enum ProjectStatus {
    /** 申报: submitted by the county. */
    SUBMITTED
}
