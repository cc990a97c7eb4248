package cn.chenzhou.plan.funding.specialfund;

import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.contracts.funding.FundingEvents;
import cn.chenzhou.plan.contracts.funding.SpecialFundAllocated;
import cn.chenzhou.plan.contracts.funding.SpecialFundAllocationRevoked;
import cn.chenzhou.plan.contracts.funding.SpecialFundBudgetOpened;
import cn.chenzhou.plan.contracts.funding.SpecialFundBudgetProposalApproved;
import cn.chenzhou.plan.contracts.funding.SpecialFundBudgetProposalRejected;
import cn.chenzhou.plan.contracts.funding.SpecialFundBudgetProposed;
import cn.chenzhou.plan.contracts.funding.SpecialFundBudgetRevised;
import cn.chenzhou.plan.contracts.funding.SpecialFundDisbursed;
import cn.chenzhou.plan.funding.specialfund.model.Allocation;
import cn.chenzhou.plan.funding.specialfund.model.BudgetProposal;
import cn.chenzhou.plan.funding.specialfund.model.BudgetRevision;
import cn.chenzhou.plan.funding.specialfund.model.Disbursement;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFund;
import java.util.List;

/**
 * What happened to a year's special fund, in the published contract. Every event's subject is the year's fund
 * ({@code special-fund-2013}), so one year's events keep their order; an allocation's events carry the
 * beneficiary's county, the budget's and its proposals' the city.
 */
final class SpecialFundEventMapping {
    private SpecialFundEventMapping() {
    }

    /** @param proposalId the approved proposal that opened it, or null for an opening within the plan's figure */
    static PendingEvent opened(SpecialFund fund, String proposalId) {
        return new PendingEvent(FundingEvents.SPECIAL_FUND_BUDGET_OPENED, SpecialFundStore.idOf(fund.year()),
                County.CITY_CODE, new SpecialFundBudgetOpened(fund.year(), County.CITY_CODE, fund.budget().fen(),
                fund.openedOn().toString(), proposalId));
    }

    static PendingEvent revised(int year, BudgetRevision revision) {
        return new PendingEvent(FundingEvents.SPECIAL_FUND_BUDGET_REVISED, SpecialFundStore.idOf(year),
                County.CITY_CODE, new SpecialFundBudgetRevised(year, County.CITY_CODE, revision.to().fen(),
                revision.revisedOn().toString(), revision.reason(), revision.proposalId()));
    }

    static PendingEvent proposed(int year, BudgetProposal p) {
        return new PendingEvent(FundingEvents.SPECIAL_FUND_BUDGET_PROPOSED, SpecialFundStore.idOf(year),
                County.CITY_CODE, new SpecialFundBudgetProposed(p.id(), year, County.CITY_CODE, p.kind().name(),
                p.budget().fen(), p.planFigure().fen(), p.effectiveOn().toString(), p.reason()));
    }

    /** An approval, then the opening or the revision it put in force: two events, in that order. */
    static List<PendingEvent> approved(SpecialFund after, BudgetProposal p) {
        PendingEvent approval = new PendingEvent(FundingEvents.SPECIAL_FUND_BUDGET_PROPOSAL_APPROVED,
                SpecialFundStore.idOf(after.year()), County.CITY_CODE, new SpecialFundBudgetProposalApproved(p.id(),
                after.year(), County.CITY_CODE, p.kind().name(), p.budget().fen(), p.effectiveOn().toString(),
                p.decision().note()));
        PendingEvent inForce = p.kind() == BudgetProposal.Kind.OPENING ? opened(after, p.id())
                : revised(after.year(), after.revisions().get(after.revisions().size() - 1));
        return List.of(approval, inForce);
    }

    static PendingEvent rejected(int year, BudgetProposal p) {
        return new PendingEvent(FundingEvents.SPECIAL_FUND_BUDGET_PROPOSAL_REJECTED, SpecialFundStore.idOf(year),
                County.CITY_CODE, new SpecialFundBudgetProposalRejected(p.id(), year, County.CITY_CODE,
                p.kind().name(), p.budget().fen(), p.decision().note()));
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
