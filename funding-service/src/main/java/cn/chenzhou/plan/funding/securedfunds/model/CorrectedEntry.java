package cn.chenzhou.plan.funding.securedfunds.model;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.model.Outcome;
import cn.chenzhou.plan.funding.command.model.Recording;
import cn.chenzhou.plan.funding.command.model.Refusal;
import cn.chenzhou.plan.funding.command.model.Refused;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A secured-funds entry with its reversing entries, numbered 1, 2, … without gaps.
 *
 * <p>Why reversals cannot exceed the entry, even when two officers correct it at once on two instances: entries
 * and reversing entries are never changed once written, and the next reversal of an entry has a fixed id
 * ({@code E-R<n+1>}). Deciding it means reading reversals 1…n; writing it is one insert of that id, which the
 * database lets succeed once. Whoever loses the insert has decided on a stale n, reads again and decides again.
 */
public record CorrectedEntry(SecuredFundsEntry entry, List<ReversingEntry> reversals) {

    public CorrectedEntry {
        reversals = List.copyOf(reversals);
        for (int i = 0; i < reversals.size(); i++) {
            if (reversals.get(i).number() != i + 1) {
                throw new IllegalArgumentException("reversals of " + entry.id() + " must be numbered 1.." + reversals.size());
            }
        }
    }

    public Money reversed() {
        Money sum = Money.ZERO;
        for (ReversingEntry r : reversals) {
            sum = sum.plus(r.amount());
        }
        return sum;
    }

    /** What still counts of the entry. */
    public Money remaining() {
        return entry.amount().minus(reversed());
    }

    /** Reverses (part of) what remains of the entry. The new reversing entry is the result. */
    public Outcome<CorrectedEntry, ReversingEntry> reverse(ReverseFunds command, Recording recording) {
        for (ReversingEntry earlier : reversals) {
            if (earlier.recorded().hasKey(recording.requestKey())) {
                if (!earlier.command().equals(command)) {
                    throw new Refused(new Refusal.RequestKeyReused(recording.requestKey()));
                }
                return Outcome.replayed(this, earlier);
            }
        }
        if (!command.amount().isPositive()) {
            throw Refusal.invalid("amount", "must be more than zero");
        }
        LocalDate securedOn = entry.securedOn();
        if (command.reversedOn().isBefore(securedOn)) {
            throw Refusal.invalid("reversedOn", "must not be before the entry's date " + securedOn);
        }
        Money remaining = remaining();
        if (command.amount().exceeds(remaining)) {
            throw new Refused(new Refusal.Conflict("over-reversal", "entry " + entry.id() + " has " + remaining
                    + " left to reverse of " + entry.amount() + "; " + command.amount() + " cannot be reversed",
                    Map.of("entryId", entry.id(), "requested", command.amount(), "remaining", remaining)));
        }
        int number = reversals.size() + 1;
        ReversingEntry reversal = new ReversingEntry(ReversingEntry.idOf(entry.id(), number), entry.id(), number,
                entry.county(), command.amount(), command.reversedOn(), command.reason(), recording);
        List<ReversingEntry> more = new java.util.ArrayList<>(reversals);
        more.add(reversal);
        return Outcome.changed(new CorrectedEntry(entry, more), reversal);
    }
}
