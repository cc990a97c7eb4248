package cn.chenzhou.plan.funding.specialfund.model;

import cn.chenzhou.plan.contracts.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A year's special-fund ledger (专项资金台账) as the finance section reads it: every opening, budget revision,
 * allocation, disbursement and revocation in the order they were posted — the order in which the invariants were
 * checked — each with the movement it made and the running balances after it. The totals are the sums of the
 * movements, which equal the final balances.
 */
public record Ledger(int year, List<Line> lines, Totals totals) {

    public enum Entry { BUDGET_OPENED, BUDGET_REVISED, ALLOCATED, DISBURSED, REVOKED }

    /** What one line moved. A revocation takes its allocation out of "allocated" and "disbursed". */
    public record Movement(Money budget, Money allocated, Money disbursed, Money released, Money clawedBack) {
        static final Movement NONE = new Movement(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);

        Movement plus(Movement m) {
            return new Movement(budget.plus(m.budget), allocated.plus(m.allocated), disbursed.plus(m.disbursed),
                    released.plus(m.released), clawedBack.plus(m.clawedBack));
        }
    }

    /**
     * Balances after a line: the budget in force, standing allocations, money paid out against them, money
     * clawed back so far, and what is left to allocate ({@code budget - allocated - clawedBack}).
     */
    public record Balances(Money budget, Money allocated, Money disbursed, Money clawedBack, Money remaining) {
    }

    public record Line(int line, Entry entry, LocalDate effectiveOn, Instant recordedAt, String recordedBy,
                       String allocationId, String disbursementId, String county, Purpose purpose,
                       String beneficiary, String reference, Movement movement, Balances balances) {
    }

    /**
     * @param movements      the column sums of every line's movement
     * @param allocatedGross every allocation ever made, including later revoked ones
     * @param disbursedGross every disbursement ever made, including later clawed back ones
     * @param balances       the balances after the last line (equal to the fund's own figures)
     */
    public record Totals(Movement movements, Money allocatedGross, Money disbursedGross, Balances balances) {
    }

    public static Ledger of(SpecialFund fund) {
        List<Line> unbalanced = new ArrayList<>();
        unbalanced.add(new Line(1, Entry.BUDGET_OPENED, fund.openedOn(), fund.opened().at(), fund.opened().by(),
                null, null, null, null, null, null,
                new Movement(fund.revisions().isEmpty() ? fund.budget() : fund.revisions().get(0).from(),
                        Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO), null));
        for (BudgetRevision r : fund.revisions()) {
            unbalanced.add(new Line(r.line(), Entry.BUDGET_REVISED, r.revisedOn(), r.recorded().at(), r.recorded().by(),
                    null, null, null, null, null, r.reason(),
                    new Movement(r.to().minus(r.from()), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO), null));
        }
        for (Allocation a : fund.allocations()) {
            unbalanced.add(new Line(a.line(), Entry.ALLOCATED, a.allocatedOn(), a.recorded().at(), a.recorded().by(),
                    a.id(), null, a.county(), a.purpose(), a.beneficiary().name(), a.approvalDocument(),
                    new Movement(Money.ZERO, a.amount(), Money.ZERO, Money.ZERO, Money.ZERO), null));
            for (Disbursement d : a.disbursements()) {
                unbalanced.add(new Line(d.line(), Entry.DISBURSED, d.disbursedOn(), d.recorded().at(), d.recorded().by(),
                        a.id(), d.id(), a.county(), a.purpose(), a.beneficiary().name(), d.voucherNo(),
                        new Movement(Money.ZERO, Money.ZERO, d.amount(), Money.ZERO, Money.ZERO), null));
            }
            if (a.isRevoked()) {
                Revocation r = a.revocation();
                Money zero = Money.ZERO;
                unbalanced.add(new Line(r.line(), Entry.REVOKED, r.revokedOn(), r.recorded().at(), r.recorded().by(),
                        a.id(), null, a.county(), a.purpose(), a.beneficiary().name(), r.reason(),
                        new Movement(zero, zero.minus(a.amount()), zero.minus(r.clawedBack()), r.released(), r.clawedBack()),
                        null));
            }
        }
        unbalanced.sort(Comparator.comparingInt(Line::line));

        List<Line> lines = new ArrayList<>(unbalanced.size());
        Movement running = Movement.NONE;
        Money allocatedGross = Money.ZERO;
        Money disbursedGross = Money.ZERO;
        for (Line line : unbalanced) {
            running = running.plus(line.movement());
            if (line.entry() == Entry.ALLOCATED) {
                allocatedGross = allocatedGross.plus(line.movement().allocated());
            }
            if (line.entry() == Entry.DISBURSED) {
                disbursedGross = disbursedGross.plus(line.movement().disbursed());
            }
            lines.add(new Line(line.line(), line.entry(), line.effectiveOn(), line.recordedAt(), line.recordedBy(),
                    line.allocationId(), line.disbursementId(), line.county(), line.purpose(), line.beneficiary(),
                    line.reference(), line.movement(), balances(running)));
        }
        return new Ledger(fund.year(), List.copyOf(lines),
                new Totals(running, allocatedGross, disbursedGross, balances(running)));
    }

    private static Balances balances(Movement sum) {
        return new Balances(sum.budget(), sum.allocated(), sum.disbursed(), sum.clawedBack(),
                sum.budget().minus(sum.allocated()).minus(sum.clawedBack()));
    }
}
