package cn.chenzhou.plan.contracts.funding;

/**
 * An allocation (安排) from a year's special fund to a key enterprise, an outstanding talent or a major achievement.
 *
 * @param allocationId 
 * @param year 
 * @param county county of the beneficiary
 * @param purpose 
 * @param beneficiaryName 
 * @param beneficiaryCreditCode for organisations (optional: may be null)
 * @param projectId  (optional: may be null)
 * @param amountFen 
 * @param approvalDocument 
 * @param allocatedOn 
 */
public record SpecialFundAllocated(
        String allocationId,
        int year,
        String county,
        String purpose,
        String beneficiaryName,
        String beneficiaryCreditCode,
        String projectId,
        long amountFen,
        String approvalDocument,
        String allocatedOn) {
}
