package cn.chenzhou.plan.contracts.funding;

/**
 * The year's budget was revised (never below what is allocated).
 *
 * @param year 
 * @param county always 431000: the special fund is the city's
 * @param budgetFen the new budget
 * @param revisedOn 
 * @param reason 
 * @param proposalId the approved budget proposal it carries out (a budget above the plan's yearly figure); null otherwise
 */
public record SpecialFundBudgetRevised(
        int year,
        String county,
        long budgetFen,
        String revisedOn,
        String reason,
        String proposalId) {
}
