package cn.chenzhou.plan.contracts.project;

/**
 * Formal review (形式审查) returned the project to the county for correction.
 *
 * @param projectId project id (the subject)
 * @param county GB/T 2260 county code
 * @param reason 
 * @param returnedOn 
 */
public record ProjectReturned(
        String projectId,
        String county,
        String reason,
        String returnedOn) {
}
