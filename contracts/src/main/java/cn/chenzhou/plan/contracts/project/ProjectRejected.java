package cn.chenzhou.plan.contracts.project;

/**
 * The project was not approved (不予立项).
 *
 * @param projectId project id (the subject)
 * @param county GB/T 2260 county code
 * @param reason 
 * @param rejectedOn 
 */
public record ProjectRejected(
        String projectId,
        String county,
        String reason,
        String rejectedOn) {
}
