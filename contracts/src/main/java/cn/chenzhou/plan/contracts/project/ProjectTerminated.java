package cn.chenzhou.plan.contracts.project;

/**
 * The project was terminated (终止).
 *
 * @param projectId project id (the subject)
 * @param county GB/T 2260 county code
 * @param reason 
 * @param terminatedOn 
 */
public record ProjectTerminated(
        String projectId,
        String county,
        String reason,
        String terminatedOn) {
}
