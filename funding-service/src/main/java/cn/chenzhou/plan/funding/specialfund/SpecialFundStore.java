package cn.chenzhou.plan.funding.specialfund;

import cn.chenzhou.plan.chassis.outbox.AggregateCollection;
import cn.chenzhou.plan.chassis.outbox.Aggregates;
import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.chassis.outbox.OptimisticRetry;
import cn.chenzhou.plan.funding.command.model.Outcome;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFund;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The special funds, one document per year holding the whole ledger and its outbox.
 *
 * <p>A change is: load the year, decide in plain Java ({@link SpecialFund}), write the new state and its events
 * with one update that only succeeds if the document is still at the version that was loaded. If another
 * officer's change — from this instance or another one on the same database — got there first, the decision is
 * made again on the new state. That single conditional update is what keeps the year inside its budget and
 * every allocation's disbursements inside the allocation, and what writes an approval together with the budget it
 * approves; a crash before it leaves nothing, a crash after it leaves the change with its events, which the outbox
 * relay of any instance publishes.
 *
 * <p>Within one instance, changes of one year also queue on a lock: that saves the retries, not the invariant.
 */
@Component
class SpecialFundStore {
    private final AggregateCollection<SpecialFund> funds;
    private final Map<Integer, ReentrantLock> yearLocks = new ConcurrentHashMap<>();

    SpecialFundStore(Aggregates aggregates) {
        this.funds = aggregates.collection("special_funds", SpecialFund.class);
        funds.index("year");
    }

    static String idOf(int year) {
        return "special-fund-" + year;
    }

    /** The year's fund, open or with an opening awaiting approval. */
    Optional<Versioned<SpecialFund>> find(int year) {
        return funds.find(idOf(year));
    }

    /** The year's fund, if it is open. */
    Optional<SpecialFund> findOpen(int year) {
        return find(year).map(Versioned::state).filter(SpecialFund::isOpen);
    }

    /** Every stored year, by year: the open ones and those whose opening awaits approval. */
    List<SpecialFund> all() {
        return funds.find(new Query().with(Sort.by(AggregateCollection.field("year")))).stream()
                .map(Versioned::state).toList();
    }

    /**
     * Decides and writes a change of a year's fund, deciding again if the fund changed underneath. A year not yet
     * stored is decided as {@link SpecialFund#none} and, if the decision changed it (an opening, or an opening's
     * proposal), inserted.
     *
     * @param decision what the change is, on the fund as loaded (may refuse)
     * @param events   the events describing a change that was made
     */
    <T> Outcome<SpecialFund, T> change(int year, Function<SpecialFund, Outcome<SpecialFund, T>> decision,
                                       Function<Outcome<SpecialFund, T>, List<PendingEvent>> events, String actor) {
        ReentrantLock lock = yearLocks.computeIfAbsent(year, y -> new ReentrantLock(true));
        lock.lock();
        try {
            return OptimisticRetry.run(() -> {
                Optional<Versioned<SpecialFund>> loaded = find(year);
                Outcome<SpecialFund, T> outcome = decision.apply(loaded.map(Versioned::state).orElse(SpecialFund.none(year)));
                if (outcome.changed()) {
                    if (loaded.isPresent()) {
                        funds.update(loaded.get(), outcome.after(), events.apply(outcome), actor);
                    } else {
                        funds.insert(idOf(year), outcome.after(), events.apply(outcome), actor);
                    }
                }
                return outcome;
            });
        } finally {
            lock.unlock();
        }
    }
}
