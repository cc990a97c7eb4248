package cn.chenzhou.plan.funding.securedfunds;

import cn.chenzhou.plan.chassis.outbox.AggregateAlreadyExistsException;
import cn.chenzhou.plan.chassis.outbox.AggregateCollection;
import cn.chenzhou.plan.chassis.outbox.Aggregates;
import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.chassis.outbox.OptimisticRetry;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.model.Outcome;
import cn.chenzhou.plan.funding.command.model.Refusal;
import cn.chenzhou.plan.funding.command.model.Refused;
import cn.chenzhou.plan.funding.securedfunds.model.CorrectedEntry;
import cn.chenzhou.plan.funding.securedfunds.model.ReversingEntry;
import cn.chenzhou.plan.funding.securedfunds.model.SecuredFundsEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Secured-funds entries and their reversing entries, each its own document with its own outbox, never updated:
 * an entry is one insert, a reversal is one insert of the entry's next reversal number (see {@link CorrectedEntry}).
 */
@Component
class SecuredFundsStore {
    private final AggregateCollection<SecuredFundsEntry> entries;
    private final AggregateCollection<ReversingEntry> reversals;
    private final Map<Integer, ReentrantLock> yearLocks = new ConcurrentHashMap<>();

    SecuredFundsStore(Aggregates aggregates) {
        this.entries = aggregates.collection("secured_funds", SecuredFundsEntry.class);
        this.reversals = aggregates.collection("secured_funds_reversals", ReversingEntry.class);
        entries.index("county", "securedOn");
        entries.index("securedOn");
        reversals.index("reversedEntryId");
    }

    /**
     * Records an entry. The id of an entry recorded under an idempotency key is derived from the key, so a retried
     * command finds the first one: the same command is answered with it, a different one refused — whatever the
     * year's total has become since.
     *
     * <p>The year's total is checked against its ceiling on the entries stored when the entry is decided; this
     * instance decides one year's entries one at a time. Two instances may each let one entry in at the same moment,
     * which can pass the ceiling by an entry's worth: the ceiling is a plausibility bound, not an invariant any
     * figure depends on — every total is read back in exact arithmetic that no reachable sum overflows.
     */
    Outcome<SecuredFundsEntry, SecuredFundsEntry> secure(SecuredFundsEntry entry, String actor) {
        ReentrantLock lock = yearLocks.computeIfAbsent(entry.securedOn().getYear(), y -> new ReentrantLock(true));
        lock.lock();
        try {
            Optional<Versioned<SecuredFundsEntry>> first = entries.find(entry.id());
            if (first.isPresent()) {
                return replay(first.get().state(), entry);
            }
            entry.requireRoomIn(securedIn(entry.securedOn().getYear()));
            entries.insert(entry.id(), entry, List.of(SecuredFundsEventMapping.secured(entry)), actor);
            return Outcome.changed(entry, entry);
        } catch (AggregateAlreadyExistsException retried) {
            return replay(entries.find(entry.id()).orElseThrow(() -> retried).state(), entry);
        } finally {
            lock.unlock();
        }
    }

    private static Outcome<SecuredFundsEntry, SecuredFundsEntry> replay(SecuredFundsEntry first, SecuredFundsEntry again) {
        if (again.recorded().requestKey() == null || !first.command().equals(again.command())) {
            throw new Refused(new Refusal.RequestKeyReused(again.recorded().requestKey()));
        }
        return Outcome.replayed(first, first);
    }

    /** What was recorded as secured in a calendar year, before reversals. */
    private Money securedIn(int year) {
        Money sum = Money.ZERO;
        for (Versioned<SecuredFundsEntry> e : entries.find(new Query(Criteria.where(AggregateCollection.field("securedOn"))
                .gte(year + "-01-01").lte(year + "-12-31")))) {
            sum = sum.plus(e.state().amount());
        }
        return sum;
    }

    /** An entry with its reversals, read one by one by number: R1, R2, … up to the first that does not exist. */
    Optional<CorrectedEntry> find(String entryId) {
        return entries.find(entryId).map(e -> {
            List<ReversingEntry> found = new ArrayList<>();
            Optional<Versioned<ReversingEntry>> next;
            while ((next = reversals.find(ReversingEntry.idOf(entryId, found.size() + 1))).isPresent()) {
                found.add(next.get().state());
            }
            return new CorrectedEntry(e.state(), found);
        });
    }

    /** Decides a reversal on the entry as it stands and inserts it; if another reversal took its number, decides again. */
    Outcome<CorrectedEntry, ReversingEntry> reverse(String entryId,
                                                    Function<CorrectedEntry, Outcome<CorrectedEntry, ReversingEntry>> decision,
                                                    String actor) {
        return OptimisticRetry.run(() -> {
            CorrectedEntry corrected = find(entryId).orElseThrow(() -> Refusal.notFound("secured-funds entry", entryId));
            Outcome<CorrectedEntry, ReversingEntry> outcome = decision.apply(corrected);
            if (outcome.changed()) {
                ReversingEntry reversal = outcome.result();
                reversals.insert(reversal.id(), reversal, List.of(SecuredFundsEventMapping.reversed(reversal)), actor);
            }
            return outcome;
        });
    }

    long count(Query query) {
        return entries.count(query);
    }

    /** Entries matching the query, each with its reversals (read in one query: for display, not for decisions). */
    List<CorrectedEntry> find(Query query) {
        List<SecuredFundsEntry> page = entries.find(query).stream().map(Versioned::state).toList();
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, List<ReversingEntry>> byEntry = reversals.find(new Query(Criteria
                        .where(AggregateCollection.field("reversedEntryId")).in(page.stream().map(SecuredFundsEntry::id).toList())))
                .stream().map(Versioned::state)
                .collect(Collectors.groupingBy(ReversingEntry::reversedEntryId));
        return page.stream().map(e -> new CorrectedEntry(e, byEntry.getOrDefault(e.id(), List.of()).stream()
                .sorted(Comparator.comparingInt(ReversingEntry::number)).toList())).toList();
    }
}
