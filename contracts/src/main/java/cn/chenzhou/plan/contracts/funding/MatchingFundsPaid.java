package cn.chenzhou.plan.contracts.funding;

/**
 * A county paid matching funds for a year.
 *
 * @param entryId 
 * @param county GB/T 2260 county code
 * @param year 
 * @param amountFen 
 * @param paidOn 
 */
public record MatchingFundsPaid(
        String entryId,
        String county,
        int year,
        long amountFen,
        String paidOn) {
}
