package cn.chenzhou.plan.sdk.projects;

/** Where a project stands in its life: draft → submitted → reviewed → approved or rejected → in progress → accepted or terminated. */
public enum ProjectStatus {
    /** 草稿 */
    DRAFT,
    /** 申报 */
    SUBMITTED,
    /** 退回修改: the county revises it and submits again */
    RETURNED,
    /** 形式审查通过 */
    FORMAL_REVIEW_PASSED,
    /** 专家评审 */
    EXPERT_REVIEWED,
    /** 立项 */
    APPROVED,
    /** 不予立项 (final) */
    REJECTED,
    /** 实施中 */
    IN_PROGRESS,
    /** 验收/结题 (final) */
    ACCEPTED,
    /** 终止 (final) */
    TERMINATED
}
