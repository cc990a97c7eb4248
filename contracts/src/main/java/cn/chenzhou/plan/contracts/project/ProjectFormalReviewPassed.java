package cn.chenzhou.plan.contracts.project;

/**
 * The project passed formal review (形式审查) and goes to expert review.
 *
 * @param projectId project id (the subject)
 * @param county GB/T 2260 county code
 * @param passedOn 
 */
public record ProjectFormalReviewPassed(
        String projectId,
        String county,
        String passedOn) {
}
