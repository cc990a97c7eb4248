package cn.chenzhou.plan.contracts.funding;

/**
 * Money was paid out (拨付) against an allocation.
 *
 * @param disbursementId 
 * @param allocationId 
 * @param year 
 * @param county 
 * @param amountFen 
 * @param disbursedOn 
 */
public record SpecialFundDisbursed(
        String disbursementId,
        String allocationId,
        int year,
        String county,
        long amountFen,
        String disbursedOn) {
}
