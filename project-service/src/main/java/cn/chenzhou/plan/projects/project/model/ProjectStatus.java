package cn.chenzhou.plan.projects.project.model;

/** Where a project stands in its life (see {@link ProjectTransition} for the steps between them). */
public enum ProjectStatus {
    /** 草稿: drafted by the county, not yet submitted. */
    DRAFT,
    /** 申报: submitted by the county, awaiting formal review. */
    SUBMITTED,
    /** 退回修改: returned by formal review for correction; the county revises and submits again. */
    RETURNED,
    /** 形式审查通过: passed formal review, awaiting expert review. */
    FORMAL_REVIEW_PASSED,
    /** 专家评审: the experts have scored it; awaiting the decision. */
    EXPERT_REVIEWED,
    /** 立项: approved with an amount and a task contract; work not yet begun. */
    APPROVED,
    /** 不予立项: not approved. Final. */
    REJECTED,
    /** 实施中: work under way; mid-term checks are recorded here. */
    IN_PROGRESS,
    /** 验收/结题: completed and accepted. Final. */
    ACCEPTED,
    /** 终止: stopped before completion. Final. */
    TERMINATED
}
