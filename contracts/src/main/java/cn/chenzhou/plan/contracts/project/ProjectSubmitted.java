package cn.chenzhou.plan.contracts.project;

/**
 * A county submitted (申报) a project. Amounts in fen; dates ISO-8601 (Asia/Shanghai calendar dates).
 *
 * @param projectId      the project's id (also the event subject)
 * @param county         GB/T 2260 code
 * @param title          project title
 * @param programme      programme code (专项)
 * @param level          national, provincial or municipal
 * @param applicantName  applicant organisation
 * @param applicantCreditCode unified social credit code of the applicant
 * @param requestedFen   requested amount, fen
 * @param submittedOn    date of submission
 */
public record ProjectSubmitted(
        String projectId,
        String county,
        String title,
        String programme,
        String level,
        String applicantName,
        String applicantCreditCode,
        long requestedFen,
        String submittedOn) {
}
