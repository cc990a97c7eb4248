package cn.chenzhou.plan.contracts.funding;

/**
 * An allocation was revoked (收回): its undisbursed part returns to the year's budget, disbursed money is clawed back.
 *
 * @param allocationId 
 * @param year 
 * @param county 
 * @param releasedFen undisbursed amount returned to the budget
 * @param clawedBackFen disbursed amount recovered
 * @param revokedOn 
 * @param reason 
 */
public record SpecialFundAllocationRevoked(
        String allocationId,
        int year,
        String county,
        long releasedFen,
        long clawedBackFen,
        String revokedOn,
        String reason) {
}
