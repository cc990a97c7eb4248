package cn.chenzhou.plan.contracts.funding;

/**
 * A county committed matching funds (配套资金) for a year.
 *
 * @param entryId 
 * @param county GB/T 2260 county code
 * @param year 
 * @param amountFen 
 * @param committedOn 
 */
public record MatchingFundsCommitted(
        String entryId,
        String county,
        int year,
        long amountFen,
        String committedOn) {
}
