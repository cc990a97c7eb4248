package cn.chenzhou.plan.contracts.funding;

/**
 * The plan office rejected a budget proposal: the year's budget stays as it was.
 *
 * @param proposalId 
 * @param year 
 * @param county always 431000: the special fund is the city's
 * @param kind OPENING or REVISION
 * @param budgetFen the budget that was proposed
 * @param reason 
 */
public record SpecialFundBudgetProposalRejected(
        String proposalId,
        int year,
        String county,
        String kind,
        long budgetFen,
        String reason) {
}
