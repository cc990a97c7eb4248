package cn.chenzhou.plan.contracts.project;

/**
 * The project passed acceptance (验收/结题): completed.
 *
 * @param projectId project id (the subject)
 * @param county GB/T 2260 county code
 * @param conclusion 
 * @param acceptedOn 
 */
public record ProjectAccepted(
        String projectId,
        String county,
        String conclusion,
        String acceptedOn) {
}
