package cn.chenzhou.plan.contracts.project;

/**
 * The project was approved (立项) with an approved amount and a task-contract number.
 *
 * @param projectId project id (the subject)
 * @param county GB/T 2260 county code
 * @param programme 
 * @param level 
 * @param approvedFen approved amount, fen
 * @param taskContractNo 任务书编号
 * @param approvedOn 
 */
public record ProjectApproved(
        String projectId,
        String county,
        String programme,
        String level,
        long approvedFen,
        String taskContractNo,
        String approvedOn) {
}
