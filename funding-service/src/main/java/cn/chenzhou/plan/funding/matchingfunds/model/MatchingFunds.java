package cn.chenzhou.plan.funding.matchingfunds.model;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.model.Ceiling;
import cn.chenzhou.plan.funding.command.model.Outcome;
import cn.chenzhou.plan.funding.command.model.Recording;
import cn.chenzhou.plan.funding.command.model.Refusal;
import cn.chenzhou.plan.funding.command.model.Refused;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A county's matching funds (配套资金) for a year — the county's own money set beside the plan's (五、保障措施 2):
 * what its government committed, and what the finance section has seen paid. One aggregate per county and year,
 * so that "never more paid than committed" is decided and written in one atomic update.
 */
public record MatchingFunds(String county, int year, List<MatchingEntry> commitments, List<MatchingEntry> payments) {

    /** The most one commitment or payment may be: ¥100,000,000, more than a county's whole yearly S&T spending. */
    public static final Ceiling ENTRY_CEILING = new Ceiling("one matching-funds commitment or payment",
            Money.ofYuan(100_000_000));
    /** The most a county may commit for one year, all commitments together: ¥1,000,000,000. */
    public static final Money YEAR_CEILING = Money.ofYuan(1_000_000_000);

    public MatchingFunds {
        commitments = commitments == null ? List.of() : List.copyOf(commitments);
        payments = payments == null ? List.of() : List.copyOf(payments);
    }

    public static MatchingFunds none(String county, int year) {
        return new MatchingFunds(county, year, List.of(), List.of());
    }

    public Money committed() {
        return sum(commitments);
    }

    public Money paid() {
        return sum(payments);
    }

    /** Committed but not yet paid. */
    public Money unpaid() {
        return committed().minus(paid());
    }

    /** The county commits (more) matching funds for the year. */
    public Outcome<MatchingFunds, MatchingEntry> commit(String entryId, RecordMatchingFunds command, Recording recording) {
        Optional<MatchingEntry> earlier = earlier(recording, commitments, payments);
        if (earlier.isPresent()) {
            return earlier.get().command().equals(command) ? Outcome.replayed(this, earlier.get()) : reused(recording);
        }
        requirePositive(command.amount());
        ENTRY_CEILING.entry("amount", command.amount());
        new Ceiling("county " + county + "'s matching funds committed for " + year, YEAR_CEILING)
                .total("amount", committed(), command.amount());
        MatchingEntry entry = new MatchingEntry(entryId, command.amount(), command.effectiveOn(), command.documentNo(), recording);
        List<MatchingEntry> more = new ArrayList<>(commitments);
        more.add(entry);
        return Outcome.changed(new MatchingFunds(county, year, more, payments), entry);
    }

    /** A payment of matching funds, never beyond what is committed and unpaid. */
    public Outcome<MatchingFunds, MatchingEntry> pay(String entryId, RecordMatchingFunds command, Recording recording) {
        Optional<MatchingEntry> earlier = earlier(recording, payments, commitments);
        if (earlier.isPresent()) {
            return earlier.get().command().equals(command) ? Outcome.replayed(this, earlier.get()) : reused(recording);
        }
        requirePositive(command.amount());
        ENTRY_CEILING.entry("amount", command.amount());
        Money unpaid = unpaid();
        if (command.amount().exceeds(unpaid)) {
            throw new Refused(new Refusal.Conflict("over-payment", "county " + county + " has " + unpaid
                    + " of its " + year + " matching funds committed and unpaid; a payment of " + command.amount()
                    + " is more than that (record the commitment first)",
                    Map.of("county", county, "year", year, "committed", committed(), "paid", paid(), "remaining", unpaid)));
        }
        MatchingEntry entry = new MatchingEntry(entryId, command.amount(), command.effectiveOn(), command.documentNo(), recording);
        List<MatchingEntry> more = new ArrayList<>(payments);
        more.add(entry);
        return Outcome.changed(new MatchingFunds(county, year, commitments, more), entry);
    }

    private static Optional<MatchingEntry> earlier(Recording recording, List<MatchingEntry> sameKind,
                                                   List<MatchingEntry> otherKind) {
        String key = recording.requestKey();
        if (key == null) {
            return Optional.empty();
        }
        if (otherKind.stream().anyMatch(e -> e.recorded().hasKey(key))) {
            throw new Refused(new Refusal.RequestKeyReused(key));
        }
        return sameKind.stream().filter(e -> e.recorded().hasKey(key)).findFirst();
    }

    private static <T> T reused(Recording recording) {
        throw new Refused(new Refusal.RequestKeyReused(recording.requestKey()));
    }

    private static void requirePositive(Money amount) {
        if (!amount.isPositive()) {
            throw Refusal.invalid("amount", "must be more than zero");
        }
    }

    private static Money sum(List<MatchingEntry> entries) {
        Money sum = Money.ZERO;
        for (MatchingEntry e : entries) {
            sum = sum.plus(e.amount());
        }
        return sum;
    }
}
