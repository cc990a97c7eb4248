package cn.chenzhou.plan.contracts.funding;

/**
 * The year's special fund (三年行动计划专项资金) budget was opened: F2.
 *
 * @param year 
 * @param county always 431000: the special fund is the city's
 * @param budgetFen 
 * @param openedOn 
 * @param proposalId the approved budget proposal that opened it (a budget above the plan's yearly figure); null otherwise
 */
public record SpecialFundBudgetOpened(
        int year,
        String county,
        long budgetFen,
        String openedOn,
        String proposalId) {
}
