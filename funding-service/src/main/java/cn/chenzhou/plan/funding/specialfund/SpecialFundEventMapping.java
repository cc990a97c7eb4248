package cn.chenzhou.plan.funding.specialfund;

import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.contracts.funding.FundingEvents;
import cn.chenzhou.plan.contracts.funding.SpecialFundAllocated;
import cn.chenzhou.plan.contracts.funding.SpecialFundAllocationRevoked;
import cn.chenzhou.plan.contracts.funding.SpecialFundBudgetOpened;
import cn.chenzhou.plan.contracts.funding.SpecialFundBudgetRevised;
import cn.chenzhou.plan.contracts.funding.SpecialFundDisbursed;
import cn.chenzhou.plan.funding.specialfund.model.Allocation;
import cn.chenzhou.plan.funding.specialfund.model.BudgetRevision;
import cn.chenzhou.plan.funding.specialfund.model.Disbursement;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFund;

/**
 * What happened to a year's special fund, in the published contract. Every event's subject is the year's fund
 * ({@code special-fund-2013}), so one year's events keep their order; an allocation's events carry the
 * beneficiary's county, the budget's the city.
 */
final class SpecialFundEventMapping {
    private SpecialFundEventMapping() {
    }

    static PendingEvent opened(SpecialFund fund) {
        return new PendingEvent(FundingEvents.SPECIAL_FUND_BUDGET_OPENED, SpecialFundStore.idOf(fund.year()),
                County.CITY_CODE, new SpecialFundBudgetOpened(fund.year(), County.CITY_CODE, fund.budget().fen(),
                fund.openedOn().toString()));
    }

    static PendingEvent revised(int year, BudgetRevision revision) {
        return new PendingEvent(FundingEvents.SPECIAL_FUND_BUDGET_REVISED, SpecialFundStore.idOf(year),
                County.CITY_CODE, new SpecialFundBudgetRevised(year, County.CITY_CODE, revision.to().fen(),
                revision.revisedOn().toString(), revision.reason()));
    }

    static PendingEvent allocated(int year, Allocation a) {
        return new PendingEvent(FundingEvents.SPECIAL_FUND_ALLOCATED, SpecialFundStore.idOf(year), a.county(),
                new SpecialFundAllocated(a.id(), year, a.county(), a.purpose().name(), a.beneficiary().name(),
                        a.beneficiary().creditCode() == null ? null : a.beneficiary().creditCode().value(),
                        a.projectId(), a.amount().fen(), a.approvalDocument(), a.allocatedOn().toString()));
    }

    static PendingEvent disbursed(int year, Allocation a, Disbursement d) {
        return new PendingEvent(FundingEvents.SPECIAL_FUND_DISBURSED, SpecialFundStore.idOf(year), a.county(),
                new SpecialFundDisbursed(d.id(), a.id(), year, a.county(), d.amount().fen(), d.disbursedOn().toString()));
    }

    static PendingEvent revoked(int year, Allocation a) {
        return new PendingEvent(FundingEvents.SPECIAL_FUND_ALLOCATION_REVOKED, SpecialFundStore.idOf(year), a.county(),
                new SpecialFundAllocationRevoked(a.id(), year, a.county(), a.revocation().released().fen(),
                        a.revocation().clawedBack().fen(), a.revocation().revokedOn().toString(),
                        a.revocation().reason()));
    }
}
