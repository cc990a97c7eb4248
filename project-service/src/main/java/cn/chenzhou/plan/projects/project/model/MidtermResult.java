package cn.chenzhou.plan.projects.project.model;

/** The finding of a mid-term check (中期检查). */
public enum MidtermResult {
    SATISFACTORY, NEEDS_IMPROVEMENT, UNSATISFACTORY
}
