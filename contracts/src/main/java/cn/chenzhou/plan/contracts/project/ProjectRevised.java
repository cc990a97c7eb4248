package cn.chenzhou.plan.contracts.project;

/**
 * The county revised a project's application — a draft, or one returned for correction by formal review
 * (形式审查退回修改) — before (re)submitting it. Carries the full application as it now stands.
 *
 * @param projectId project id (the subject)
 * @param county GB/T 2260 county code (never changes)
 * @param title 
 * @param programme programme code (专项)
 * @param level 
 * @param applicantName 
 * @param applicantCreditCode unified social credit code
 * @param requestedFen requested amount, fen
 * @param periodStart 
 * @param periodEnd 
 * @param revisedOn 
 */
public record ProjectRevised(
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
        String revisedOn) {
}
