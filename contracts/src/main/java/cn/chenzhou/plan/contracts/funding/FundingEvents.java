package cn.chenzhou.plan.contracts.funding;

import cn.chenzhou.plan.contracts.EventType;
import cn.chenzhou.plan.contracts.Topics;
import java.util.List;

/** Events of funding-service, on {@link Topics#FUNDING}, each keyed by its aggregate id. */
public final class FundingEvents {
    public static final String SOURCE = "/funding-service";

    public static final EventType FUNDS_SECURED = EventType.of(Topics.FUNDING, "funds.secured", 1, FundsSecured.class);
    public static final EventType FUNDS_REVERSED = EventType.of(Topics.FUNDING, "funds.reversed", 1, FundsReversed.class);
    public static final EventType SPECIAL_FUND_BUDGET_OPENED = EventType.of(Topics.FUNDING, "special-fund.budget-opened", 1, SpecialFundBudgetOpened.class);
    public static final EventType SPECIAL_FUND_BUDGET_REVISED = EventType.of(Topics.FUNDING, "special-fund.budget-revised", 1, SpecialFundBudgetRevised.class);
    public static final EventType SPECIAL_FUND_BUDGET_PROPOSED = EventType.of(Topics.FUNDING, "special-fund.budget-proposed", 1, SpecialFundBudgetProposed.class);
    public static final EventType SPECIAL_FUND_BUDGET_PROPOSAL_APPROVED = EventType.of(Topics.FUNDING, "special-fund.budget-proposal-approved", 1, SpecialFundBudgetProposalApproved.class);
    public static final EventType SPECIAL_FUND_BUDGET_PROPOSAL_REJECTED = EventType.of(Topics.FUNDING, "special-fund.budget-proposal-rejected", 1, SpecialFundBudgetProposalRejected.class);
    public static final EventType SPECIAL_FUND_ALLOCATED = EventType.of(Topics.FUNDING, "special-fund.allocated", 1, SpecialFundAllocated.class);
    public static final EventType SPECIAL_FUND_DISBURSED = EventType.of(Topics.FUNDING, "special-fund.disbursed", 1, SpecialFundDisbursed.class);
    public static final EventType SPECIAL_FUND_ALLOCATION_REVOKED = EventType.of(Topics.FUNDING, "special-fund.allocation-revoked", 1, SpecialFundAllocationRevoked.class);
    public static final EventType MATCHING_FUNDS_COMMITTED = EventType.of(Topics.FUNDING, "matching-funds.committed", 1, MatchingFundsCommitted.class);
    public static final EventType MATCHING_FUNDS_PAID = EventType.of(Topics.FUNDING, "matching-funds.paid", 1, MatchingFundsPaid.class);
    public static final EventType COUNTY_STATISTICS_FILED = EventType.of(Topics.FUNDING, "county-statistics.filed", 1, CountyStatisticsFiled.class);

    public static final List<EventType> ALL = List.of(
            FUNDS_SECURED,
            FUNDS_REVERSED,
            SPECIAL_FUND_BUDGET_OPENED,
            SPECIAL_FUND_BUDGET_REVISED,
            SPECIAL_FUND_BUDGET_PROPOSED,
            SPECIAL_FUND_BUDGET_PROPOSAL_APPROVED,
            SPECIAL_FUND_BUDGET_PROPOSAL_REJECTED,
            SPECIAL_FUND_ALLOCATED,
            SPECIAL_FUND_DISBURSED,
            SPECIAL_FUND_ALLOCATION_REVOKED,
            MATCHING_FUNDS_COMMITTED,
            MATCHING_FUNDS_PAID,
            COUNTY_STATISTICS_FILED);

    private FundingEvents() {
    }
}
