package cn.chenzhou.plan.contracts.project;

/**
 * Expert review (专家评审) concluded: the reviewers' aggregate score.
 *
 * @param projectId project id (the subject)
 * @param county GB/T 2260 county code
 * @param reviewerCount 
 * @param aggregateScore 0-100
 * @param reviewedOn 
 */
public record ProjectExpertReviewed(
        String projectId,
        String county,
        int reviewerCount,
        double aggregateScore,
        String reviewedOn) {
}
