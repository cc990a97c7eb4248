package cn.chenzhou.plan.funding.securedfunds;

import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.contracts.funding.FundingEvents;
import cn.chenzhou.plan.contracts.funding.FundsReversed;
import cn.chenzhou.plan.contracts.funding.FundsSecured;
import cn.chenzhou.plan.funding.securedfunds.model.ReversingEntry;
import cn.chenzhou.plan.funding.securedfunds.model.SecuredFundsEntry;

/** Secured funds in the published contract: each entry and each reversing entry is the subject of its own event. */
final class SecuredFundsEventMapping {
    private SecuredFundsEventMapping() {
    }

    static PendingEvent secured(SecuredFundsEntry e) {
        return new PendingEvent(FundingEvents.FUNDS_SECURED, e.id(), e.county(), new FundsSecured(e.id(), e.county(),
                e.level().name(), e.programme(), e.projectId(), e.amount().fen(), e.securedOn().toString(), e.documentNo()));
    }

    static PendingEvent reversed(ReversingEntry r) {
        return new PendingEvent(FundingEvents.FUNDS_REVERSED, r.id(), r.county(), new FundsReversed(r.id(),
                r.reversedEntryId(), r.county(), r.amount().fen(), r.reversedOn().toString(), r.reason()));
    }
}
