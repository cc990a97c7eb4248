package cn.chenzhou.plan.contracts.funding;

/**
 * The finance section proposed a budget above the plan's yearly figure (an opening or a revision); it takes effect
 * only when the plan office approves it. Until then the year's budget is what it was.
 *
 * @param proposalId the proposal (the subject is the year's fund)
 * @param year 
 * @param county always 431000: the special fund is the city's
 * @param kind OPENING or REVISION
 * @param budgetFen the budget proposed
 * @param planFigureFen the plan's yearly figure it is above
 * @param effectiveOn the opening's or the revision's effective date, as proposed
 * @param reason why, as finance gave it; null if none was given
 */
public record SpecialFundBudgetProposed(
        String proposalId,
        int year,
        String county,
        String kind,
        long budgetFen,
        long planFigureFen,
        String effectiveOn,
        String reason) {
}
