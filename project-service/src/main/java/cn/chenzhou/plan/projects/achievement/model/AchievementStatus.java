package cn.chenzhou.plan.projects.achievement.model;

/** Whether a transformation record counts toward T12. */
public enum AchievementStatus {
    /** Recorded: counts from its transformation date. */
    RECORDED,
    /** Withdrawn (a duplicate, or a mistake): stops counting from its withdrawal date. Final. */
    WITHDRAWN
}
