package cn.chenzhou.plan.funding.specialfund.model;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.model.Outcome;
import cn.chenzhou.plan.funding.command.model.Recording;
import cn.chenzhou.plan.funding.command.model.Refusal;
import cn.chenzhou.plan.funding.command.model.Refused;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.AllocationRevoked;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.BudgetBelowCommitted;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.BudgetUnchanged;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.LedgerFull;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.OverAllocation;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.OverBudget;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One year's special fund (三年行动计划专项资金, 五、保障措施 3): its budget, every revision of it, and every
 * allocation with its disbursements and revocation — one aggregate, stored as one document, so that both
 * invariants are decided on one consistent state and written by one atomic, versioned update:
 * <ul>
 *   <li>what the year has committed (standing allocations, plus disbursed money clawed back from revoked ones)
 *       never exceeds its budget;</li>
 *   <li>what is paid out against an allocation never exceeds the allocation.</li>
 * </ul>
 * Every change takes the next ledger {@code line}; the ledger lists them in that order.
 */
public record SpecialFund(int year, Money budget, LocalDate openedOn, Recording opened,
                          List<BudgetRevision> revisions, List<Allocation> allocations, int lines) {

    /** Keeps one year's document far below MongoDB's 16 MB (a line is well under 1 KB). */
    public static final int MAX_LINES = 10_000;

    public SpecialFund {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(openedOn, "openedOn");
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
    }

    /** Opens a year's fund with its budget; the opening is the ledger's first line. */
    public static SpecialFund open(int year, Money budget, LocalDate openedOn, Recording recording) {
        if (!budget.isPositive()) {
            throw Refusal.invalid("budget", "must be more than zero");
        }
        if (openedOn.getYear() > year) {
            throw Refusal.invalid("openedOn", "a " + year + " fund cannot be opened in a later year (" + openedOn + ")");
        }
        return new SpecialFund(year, budget, openedOn, recording, List.of(), List.of(), 1);
    }

    // ---- figures -------------------------------------------------------------------------------------------

    /** What standing (not revoked) allocations add up to. A revoked allocation contributes nothing. */
    public Money allocated() {
        Money sum = Money.ZERO;
        for (Allocation a : allocations) {
            if (!a.isRevoked()) {
                sum = sum.plus(a.amount());
            }
        }
        return sum;
    }

    /** What has been paid out against standing allocations. */
    public Money disbursed() {
        Money sum = Money.ZERO;
        for (Allocation a : allocations) {
            if (!a.isRevoked()) {
                sum = sum.plus(a.disbursed());
            }
        }
        return sum;
    }

    /** Undisbursed money of revoked allocations, returned to the budget. */
    public Money released() {
        Money sum = Money.ZERO;
        for (Allocation a : allocations) {
            if (a.isRevoked()) {
                sum = sum.plus(a.revocation().released());
            }
        }
        return sum;
    }

    /** Disbursed money of revoked allocations, recovered from the beneficiaries (to the treasury). */
    public Money clawedBack() {
        Money sum = Money.ZERO;
        for (Allocation a : allocations) {
            if (a.isRevoked()) {
                sum = sum.plus(a.revocation().clawedBack());
            }
        }
        return sum;
    }

    /** What counts against the budget: standing allocations and money that was paid out and clawed back. */
    public Money committed() {
        return allocated().plus(clawedBack());
    }

    /** What can still be allocated. */
    public Money remaining() {
        return budget.minus(committed());
    }

    public Optional<Allocation> allocation(String id) {
        return allocations.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    // ---- commands ------------------------------------------------------------------------------------------

    /** Allocates (安排) money to a beneficiary, if the budget has room for it. */
    public Outcome<SpecialFund, Allocation> allocate(String allocationId, Allocate command, Recording recording) {
        Optional<Allocation> earlier = earlier(recording, Allocation.class);
        if (earlier.isPresent()) {
            return replay(earlier.get(), earlier.get().command().equals(command), recording);
        }
        requirePositive(command.amount());
        requireRoom();
        LocalDate earliest = LocalDate.of(year, 1, 1).isAfter(openedOn) ? LocalDate.of(year, 1, 1) : openedOn;
        if (command.allocatedOn().isBefore(earliest)) {
            throw Refusal.invalid("allocatedOn", "must not be before " + earliest
                    + " (the " + year + " fund's year and opening)");
        }
        if (allocation(allocationId).isPresent()) {
            throw new IllegalStateException("allocation id " + allocationId + " is already taken");
        }
        Money remaining = remaining();
        if (command.amount().exceeds(remaining)) {
            throw new Refused(new OverBudget(year, command.amount(), budget, remaining));
        }
        Allocation allocation = new Allocation(allocationId, lines + 1, recording, command.purpose(),
                command.beneficiary(), command.county(), command.projectId(), command.amount(),
                command.approvalDocument(), command.allocatedOn(), List.of(), null);
        List<Allocation> more = new ArrayList<>(allocations);
        more.add(allocation);
        return Outcome.changed(new SpecialFund(year, budget, openedOn, opened, revisions, more, lines + 1), allocation);
    }

    /** Pays out (拨付) against an allocation, if the allocation has that much left. */
    public Outcome<SpecialFund, Disbursement> disburse(String allocationId, String disbursementId, Disburse command,
                                                       Recording recording) {
        Optional<Disbursement> earlier = earlier(recording, Disbursement.class);
        if (earlier.isPresent()) {
            boolean same = earlier.get().command().equals(command)
                    && allocationOf(earlier.get()).id().equals(allocationId);
            return replay(earlier.get(), same, recording);
        }
        Allocation allocation = existing(allocationId);
        requirePositive(command.amount());
        requireRoom();
        if (allocation.isRevoked()) {
            throw new Refused(new AllocationRevoked(allocationId));
        }
        if (command.disbursedOn().isBefore(allocation.allocatedOn())) {
            throw Refusal.invalid("disbursedOn", "must not be before the allocation's date " + allocation.allocatedOn());
        }
        Money left = allocation.undisbursed();
        if (command.amount().exceeds(left)) {
            throw new Refused(new OverAllocation(allocationId, command.amount(), allocation.amount(), left));
        }
        Disbursement disbursement = new Disbursement(disbursementId, lines + 1, recording, command.amount(),
                command.disbursedOn(), command.voucherNo());
        return Outcome.changed(replacing(allocation.with(disbursement), lines + 1), disbursement);
    }

    /**
     * Revokes (收回) an allocation: its undisbursed part returns to the budget, what was paid out is clawed back.
     * Answers with the revoked allocation.
     */
    public Outcome<SpecialFund, Allocation> revoke(String allocationId, Revoke command, Recording recording) {
        Optional<Revocation> earlier = earlier(recording, Revocation.class);
        if (earlier.isPresent()) {
            Allocation revoked = allocationOf(earlier.get());
            return replay(revoked, earlier.get().command().equals(command) && revoked.id().equals(allocationId),
                    recording);
        }
        Allocation allocation = existing(allocationId);
        requireRoom();
        if (allocation.isRevoked()) {
            throw new Refused(new AllocationRevoked(allocationId));
        }
        if (command.revokedOn().isBefore(allocation.lastMovementOn())) {
            throw Refusal.invalid("revokedOn", "must not be before the allocation's last movement on "
                    + allocation.lastMovementOn());
        }
        Money clawedBack = allocation.disbursed();
        Revocation revocation = new Revocation(lines + 1, recording, command.revokedOn(), command.reason(),
                allocation.amount().minus(clawedBack), clawedBack);
        Allocation revoked = allocation.with(revocation);
        return Outcome.changed(replacing(revoked, lines + 1), revoked);
    }

    /** Sets the budget to a new figure — never below what the year has committed. */
    public Outcome<SpecialFund, BudgetRevision> reviseBudget(ReviseBudget command, Recording recording) {
        Optional<BudgetRevision> earlier = earlier(recording, BudgetRevision.class);
        if (earlier.isPresent()) {
            return replay(earlier.get(), earlier.get().command().equals(command), recording);
        }
        requirePositive(command.budget());
        requireRoom();
        if (command.revisedOn().isBefore(openedOn)) {
            throw Refusal.invalid("revisedOn", "must not be before the fund was opened on " + openedOn);
        }
        if (command.budget().equals(budget)) {
            throw new Refused(new BudgetUnchanged(year, budget));
        }
        Money committed = committed();
        if (committed.exceeds(command.budget())) {
            throw new Refused(new BudgetBelowCommitted(year, command.budget(), committed));
        }
        BudgetRevision revision = new BudgetRevision(lines + 1, recording, budget, command.budget(),
                command.revisedOn(), command.reason());
        List<BudgetRevision> more = new ArrayList<>(revisions);
        more.add(revision);
        return Outcome.changed(new SpecialFund(year, command.budget(), openedOn, opened, more, allocations, lines + 1),
                revision);
    }

    // ---- internals -----------------------------------------------------------------------------------------

    private Allocation existing(String allocationId) {
        return allocation(allocationId).orElseThrow(() -> Refusal.notFound("allocation", allocationId));
    }

    private SpecialFund replacing(Allocation changed, int newLines) {
        List<Allocation> replaced = new ArrayList<>(allocations.size());
        for (Allocation a : allocations) {
            replaced.add(a.id().equals(changed.id()) ? changed : a);
        }
        return new SpecialFund(year, budget, openedOn, opened, revisions, replaced, newLines);
    }

    private Allocation allocationOf(Disbursement disbursement) {
        return allocations.stream().filter(a -> a.disbursements().contains(disbursement)).findFirst().orElseThrow();
    }

    private Allocation allocationOf(Revocation revocation) {
        return allocations.stream().filter(a -> revocation.equals(a.revocation())).findFirst().orElseThrow();
    }

    /** The change recorded earlier under the same idempotency key, refusing the key if it named another kind. */
    private <T> Optional<T> earlier(Recording recording, Class<T> kind) {
        String key = recording.requestKey();
        if (key == null) {
            return Optional.empty();
        }
        Object found = null;
        for (BudgetRevision r : revisions) {
            if (r.recorded().hasKey(key)) {
                found = r;
            }
        }
        for (Allocation a : allocations) {
            if (a.recorded().hasKey(key)) {
                found = a;
            }
            for (Disbursement d : a.disbursements()) {
                if (d.recorded().hasKey(key)) {
                    found = d;
                }
            }
            if (a.isRevoked() && a.revocation().recorded().hasKey(key)) {
                found = a.revocation();
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        if (!kind.isInstance(found)) {
            throw new Refused(new Refusal.RequestKeyReused(key));
        }
        return Optional.of(kind.cast(found));
    }

    private <T> Outcome<SpecialFund, T> replay(T earlier, boolean sameCommand, Recording recording) {
        if (!sameCommand) {
            throw new Refused(new Refusal.RequestKeyReused(recording.requestKey()));
        }
        return Outcome.replayed(this, earlier);
    }

    private static void requirePositive(Money amount) {
        if (!amount.isPositive()) {
            throw Refusal.invalid("amount", "must be more than zero");
        }
    }

    private void requireRoom() {
        if (lines >= MAX_LINES) {
            throw new Refused(new LedgerFull(year, MAX_LINES));
        }
    }
}
