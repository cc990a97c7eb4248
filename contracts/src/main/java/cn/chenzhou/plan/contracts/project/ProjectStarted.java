package cn.chenzhou.plan.contracts.project;

/**
 * Work on the approved project began (实施中).
 *
 * @param projectId project id (the subject)
 * @param county GB/T 2260 county code
 * @param startedOn 
 */
public record ProjectStarted(
        String projectId,
        String county,
        String startedOn) {
}
