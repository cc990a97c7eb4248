package cn.chenzhou.plan.projects.project.model;

/** The conclusion of acceptance (验收结论). A project that fails acceptance is not accepted: it stays in progress or is terminated. */
public enum AcceptanceConclusion {
    PASSED, PASSED_WITH_CONDITIONS
}
