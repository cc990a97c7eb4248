package cn.chenzhou.plan.contracts.project;

/**
 * Mid-term check (中期检查) recorded.
 *
 * @param projectId project id (the subject)
 * @param county GB/T 2260 county code
 * @param result 
 * @param checkedOn 
 */
public record ProjectMidtermChecked(
        String projectId,
        String county,
        String result,
        String checkedOn) {
}
