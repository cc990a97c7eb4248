package cn.chenzhou.plan.contracts.project;

/**
 * A county drafted a project (草稿); not yet submitted.
 *
 * @param projectId project id (the subject)
 * @param county GB/T 2260 county code
 * @param title 
 * @param programme programme code (专项)
 * @param level 
 * @param applicantName 
 * @param applicantCreditCode unified social credit code
 * @param requestedFen requested amount, fen
 * @param periodStart 
 * @param periodEnd 
 * @param draftedOn 
 */
public record ProjectDrafted(
        String projectId,
        String county,
        String title,
        String programme,
        String level,
        String applicantName,
        String applicantCreditCode,
        long requestedFen,
        String periodStart,
        String periodEnd,
        String draftedOn) {
}
