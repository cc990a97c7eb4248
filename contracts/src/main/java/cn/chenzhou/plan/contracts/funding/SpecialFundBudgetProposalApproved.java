package cn.chenzhou.plan.contracts.funding;

/**
 * The plan office approved a budget proposal. The budget it proposed takes effect: the next event of the same fund
 * is its {@code special-fund.budget-opened} or {@code special-fund.budget-revised}, carrying the proposal's id.
 *
 * @param proposalId 
 * @param year 
 * @param county always 431000: the special fund is the city's
 * @param kind OPENING or REVISION
 * @param budgetFen the budget approved
 * @param effectiveOn the opening's or the revision's effective date
 * @param note the plan office's note; null if none was given
 */
public record SpecialFundBudgetProposalApproved(
        String proposalId,
        int year,
        String county,
        String kind,
        long budgetFen,
        String effectiveOn,
        String note) {
}
