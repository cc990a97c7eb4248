package cn.chenzhou.plan.funding.specialfund.model;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.model.Ceiling;
import cn.chenzhou.plan.funding.command.model.Outcome;
import cn.chenzhou.plan.funding.command.model.Recording;
import cn.chenzhou.plan.funding.command.model.Refusal;
import cn.chenzhou.plan.funding.command.model.Refused;
import cn.chenzhou.plan.funding.specialfund.model.BudgetProposal.Decision;
import cn.chenzhou.plan.funding.specialfund.model.BudgetProposal.Kind;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.AllocationRevoked;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.ApprovalNotRequired;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.ApprovalRequired;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.BudgetBelowCommitted;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.BudgetUnchanged;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.FundAlreadyOpen;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.LedgerFull;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.OverAllocation;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.OverBudget;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.ProposalDecided;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.ProposalPending;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.SamePrincipal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One year's special fund (三年行动计划专项资金, 五、保障措施 3): its budget, every revision of it, every proposal of a
 * budget above the plan's yearly figure, and every allocation with its disbursements and revocation — one aggregate,
 * stored as one document, so that its invariants are decided on one consistent state and written by one atomic,
 * versioned update:
 * <ul>
 *   <li>what the year has committed (standing allocations, plus disbursed money clawed back from revoked ones)
 *       never exceeds its budget;</li>
 *   <li>what is paid out against an allocation never exceeds the allocation;</li>
 *   <li>a budget above the plan's yearly figure takes effect only when the plan office approves the finance
 *       section's proposal of it (four eyes), and never above {@link #BUDGET_CEILING};</li>
 *   <li>the budget's dates run forward: a revision is never dated before the opening or the revision before it,
 *       and an allocation is dated within its fund's year.</li>
 * </ul>
 * Every change of money takes the next ledger {@code line}; the ledger lists them in that order. A proposal is not a
 * line: its approval is (the opening, or the revision it carries out).
 *
 * <p>A year whose opening was proposed above the figure is stored before it is open ({@link #isOpen()} false,
 * {@code budget} and {@code openedOn} null): it holds the proposal and nothing else until the plan office decides.
 */
public record SpecialFund(int year, Money budget, LocalDate openedOn, Recording opened,
                          List<BudgetRevision> revisions, List<Allocation> allocations, int lines,
                          List<BudgetProposal> proposals) {

    /** Keeps one year's document far below MongoDB's 16 MB (a line is well under 1 KB). */
    public static final int MAX_LINES = 10_000;
    /**
     * The most a year's budget may be, approved or not: ¥100,000,000, fifty times the 2012–2014 plan's ¥2,000,000
     * a year — a figure no city S&T bureau's special fund reaches.
     */
    public static final Ceiling BUDGET_CEILING = new Ceiling("a year's special-fund budget", Money.ofYuan(100_000_000));

    public SpecialFund {
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
        proposals = proposals == null ? List.of() : List.copyOf(proposals);
        if ((budget == null) != (openedOn == null)) {
            throw new IllegalArgumentException("an open fund has a budget and an opening date; one not open has neither");
        }
    }

    /** A year with nothing recorded: not open, no proposal. */
    public static SpecialFund none(int year) {
        return new SpecialFund(year, null, null, null, List.of(), List.of(), 0, List.of());
    }

    /** Whether the year's budget is in force (opened directly, or by an approved proposal). */
    public boolean isOpen() {
        return budget != null;
    }

    /** Whether a budget needs the plan office's approval: it is above the plan's yearly figure. */
    public static boolean needsApproval(Money budget, Money planFigure) {
        return budget.exceeds(planFigure);
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

    /** What can still be allocated: budget − allocated − clawed back (not yet recovered); nothing before the opening. */
    public Money remaining() {
        return isOpen() ? budget.minus(committed()) : Money.ZERO;
    }

    public Optional<BudgetProposal> proposal(String id) {
        return proposals.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The proposal waiting for the plan office, if any: there is at most one. */
    public Optional<BudgetProposal> pendingProposal() {
        return proposals.stream().filter(BudgetProposal::isPending).findFirst();
    }

    /** The date the budget in force took effect: its opening's, or its latest revision's. */
    public LocalDate budgetSince() {
        return revisions.isEmpty() ? openedOn : revisions.get(revisions.size() - 1).revisedOn();
    }

    public Optional<Allocation> allocation(String id) {
        return allocations.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    // ---- commands ------------------------------------------------------------------------------------------

    /** Opens the year with a budget within the plan's yearly figure; the opening is the ledger's first line. */
    public Outcome<SpecialFund, SpecialFund> open(Money budget, LocalDate openedOn, Money planFigure, Recording recording) {
        requireOpenable(budget, openedOn);
        requireNoPendingProposal();
        if (needsApproval(budget, planFigure)) {
            throw new Refused(new ApprovalRequired(year, budget, planFigure));
        }
        SpecialFund opened = opened(budget, openedOn, recording);
        return Outcome.changed(opened, opened);
    }

    /** Proposes opening the year with a budget above the plan's yearly figure, for the plan office to decide. */
    public Outcome<SpecialFund, BudgetProposal> proposeOpening(String proposalId, Money budget, LocalDate openedOn,
                                                               String reason, Money planFigure, Recording recording) {
        Optional<BudgetProposal> earlier = earlier(recording, BudgetProposal.class);
        if (earlier.isPresent()) {
            return replay(earlier.get(), earlier.get().command().equals(
                    new BudgetProposal.ProposeBudget(Kind.OPENING, budget, openedOn, reason)), recording);
        }
        requireOpenable(budget, openedOn);
        return propose(new BudgetProposal(proposalId, Kind.OPENING, budget, openedOn, reason, planFigure, recording,
                null));
    }

    /** Sets the budget to a new figure within the plan's yearly figure — never below what the year has committed. */
    public Outcome<SpecialFund, BudgetRevision> reviseBudget(ReviseBudget command, Money planFigure, Recording recording) {
        Optional<BudgetRevision> earlier = earlier(recording, BudgetRevision.class);
        if (earlier.isPresent()) {
            return replay(earlier.get(), earlier.get().command().equals(command), recording);
        }
        requireRevisable(command);
        if (needsApproval(command.budget(), planFigure)) {
            throw new Refused(new ApprovalRequired(year, command.budget(), planFigure));
        }
        return revised(command, recording, null);
    }

    /** Proposes revising the budget to a figure above the plan's yearly figure, for the plan office to decide. */
    public Outcome<SpecialFund, BudgetProposal> proposeRevision(String proposalId, ReviseBudget command,
                                                                Money planFigure, Recording recording) {
        Optional<BudgetProposal> earlier = earlier(recording, BudgetProposal.class);
        if (earlier.isPresent()) {
            return replay(earlier.get(), earlier.get().command().equals(new BudgetProposal.ProposeBudget(
                    Kind.REVISION, command.budget(), command.revisedOn(), command.reason())), recording);
        }
        requireRevisable(command);
        return propose(new BudgetProposal(proposalId, Kind.REVISION, command.budget(), command.revisedOn(),
                command.reason(), planFigure, recording, null));
    }

    /**
     * The plan office approves a proposal: the opening or the revision it proposed takes effect now, with the date it
     * proposed, checked against the fund as it stands. Answers with the approved proposal.
     */
    public Outcome<SpecialFund, BudgetProposal> approve(String proposalId, String note, Recording recording) {
        Optional<Decision> earlier = earlier(recording, Decision.class);
        if (earlier.isPresent()) {
            BudgetProposal decided = proposalOf(earlier.get());
            return replay(decided, decided.id().equals(proposalId) && earlier.get().approved()
                    && Objects.equals(earlier.get().note(), note), recording);
        }
        BudgetProposal proposal = undecided(proposalId, recording);
        BudgetProposal approved = proposal.decided(new Decision(true, note, recording));
        // the change is recorded as the approver's, without the approval's key: that key names the decision
        Recording onApproval = recording.withoutKey();
        SpecialFund after;
        if (proposal.kind() == Kind.OPENING) {
            requireOpenable(proposal.budget(), proposal.effectiveOn());
            after = opened(proposal.budget(), proposal.effectiveOn(), onApproval);
        } else {
            ReviseBudget revision = new ReviseBudget(proposal.budget(), proposal.effectiveOn(), proposal.reason());
            checkRevision(revision);
            after = revised(revision, onApproval, proposal.id()).after();
        }
        return Outcome.changed(after.withProposal(approved), approved);
    }

    /** The plan office rejects a proposal: the budget stays as it was. Answers with the rejected proposal. */
    public Outcome<SpecialFund, BudgetProposal> reject(String proposalId, String reason, Recording recording) {
        Optional<Decision> earlier = earlier(recording, Decision.class);
        if (earlier.isPresent()) {
            BudgetProposal decided = proposalOf(earlier.get());
            return replay(decided, decided.id().equals(proposalId) && !earlier.get().approved()
                    && Objects.equals(earlier.get().note(), reason), recording);
        }
        BudgetProposal rejected = undecided(proposalId, recording).decided(new Decision(false, reason, recording));
        return Outcome.changed(withProposal(rejected), rejected);
    }

    /** Allocates (安排) money to a beneficiary, if the budget has room for it. */
    public Outcome<SpecialFund, Allocation> allocate(String allocationId, Allocate command, Recording recording) {
        Optional<Allocation> earlier = earlier(recording, Allocation.class);
        if (earlier.isPresent()) {
            return replay(earlier.get(), earlier.get().command().equals(command), recording);
        }
        requireOpen();
        requirePositive(command.amount());
        requireRoom();
        LocalDate earliest = LocalDate.of(year, 1, 1).isAfter(openedOn) ? LocalDate.of(year, 1, 1) : openedOn;
        if (command.allocatedOn().isBefore(earliest)) {
            throw Refusal.invalid("allocatedOn", "must not be before " + earliest
                    + " (the " + year + " fund's year and opening)");
        }
        if (command.allocatedOn().getYear() > year) {
            throw Refusal.invalid("allocatedOn", "must be in " + year + ", the fund's year");
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
        return Outcome.changed(new SpecialFund(year, budget, openedOn, opened, revisions, more, lines + 1, proposals),
                allocation);
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

    // ---- internals -----------------------------------------------------------------------------------------

    private Allocation existing(String allocationId) {
        requireOpen();
        return allocation(allocationId).orElseThrow(() -> Refusal.notFound("allocation", allocationId));
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw Refusal.notFound("special fund", String.valueOf(year));
        }
    }

    private void requireNoPendingProposal() {
        pendingProposal().ifPresent(p -> {
            throw new Refused(new ProposalPending(year, p.id()));
        });
    }

    /** What an opening needs, approved or not: a year not yet open and nothing pending, a bounded budget, a date. */
    private void requireOpenable(Money budget, LocalDate openedOn) {
        if (isOpen()) {
            throw new Refused(new FundAlreadyOpen(year));
        }
        requireBudget(budget);
        if (openedOn.getYear() > year) {
            throw Refusal.invalid("openedOn", "a " + year + " fund cannot be opened in a later year (" + openedOn + ")");
        }
    }

    private void requireRevisable(ReviseBudget command) {
        requireOpen();
        requireNoPendingProposal();
        checkRevision(command);
    }

    /** What a revision needs: a bounded budget, dated not before the budget in force, never below what is committed. */
    private void checkRevision(ReviseBudget command) {
        requireBudget(command.budget());
        requireRoom();
        LocalDate since = budgetSince();
        if (command.revisedOn().isBefore(since)) {
            throw Refusal.invalid("revisedOn", "must not be before " + since
                    + (revisions.isEmpty() ? ", when the fund was opened" : ", the date of the budget's last revision"));
        }
        if (command.budget().equals(budget)) {
            throw new Refused(new BudgetUnchanged(year, budget));
        }
        Money committed = committed();
        if (committed.exceeds(command.budget())) {
            throw new Refused(new BudgetBelowCommitted(year, command.budget(), committed));
        }
    }

    private static void requireBudget(Money budget) {
        if (!budget.isPositive()) {
            throw Refusal.invalid("budget", "must be more than zero");
        }
        BUDGET_CEILING.entry("budget", budget);
    }

    private SpecialFund opened(Money budget, LocalDate openedOn, Recording recording) {
        return new SpecialFund(year, budget, openedOn, recording, revisions, allocations, 1, proposals);
    }

    private Outcome<SpecialFund, BudgetRevision> revised(ReviseBudget command, Recording recording, String proposalId) {
        BudgetRevision revision = new BudgetRevision(lines + 1, recording, budget, command.budget(),
                command.revisedOn(), command.reason(), proposalId);
        List<BudgetRevision> more = new ArrayList<>(revisions);
        more.add(revision);
        return Outcome.changed(new SpecialFund(year, command.budget(), openedOn, opened, more, allocations, lines + 1,
                proposals), revision);
    }

    private Outcome<SpecialFund, BudgetProposal> propose(BudgetProposal proposal) {
        requireNoPendingProposal();
        if (!needsApproval(proposal.budget(), proposal.planFigure())) {
            throw new Refused(new ApprovalNotRequired(year, proposal.budget(), proposal.planFigure()));
        }
        if (proposal(proposal.id()).isPresent()) {
            throw new IllegalStateException("proposal id " + proposal.id() + " is already taken");
        }
        List<BudgetProposal> more = new ArrayList<>(proposals);
        more.add(proposal);
        return Outcome.changed(new SpecialFund(year, budget, openedOn, opened, revisions, allocations, lines, more),
                proposal);
    }

    /** The pending proposal, which the deciding principal did not make. */
    private BudgetProposal undecided(String proposalId, Recording recording) {
        BudgetProposal proposal = proposal(proposalId).orElseThrow(() -> Refusal.notFound("budget proposal", proposalId));
        if (!proposal.isPending()) {
            throw new Refused(new ProposalDecided(proposalId, proposal.status()));
        }
        if (proposal.proposed().by().equals(recording.by())) {
            throw new Refused(new SamePrincipal(proposalId, recording.by()));
        }
        return proposal;
    }

    private SpecialFund withProposal(BudgetProposal changed) {
        List<BudgetProposal> replaced = new ArrayList<>(proposals.size());
        for (BudgetProposal p : proposals) {
            replaced.add(p.id().equals(changed.id()) ? changed : p);
        }
        return new SpecialFund(year, budget, openedOn, opened, revisions, allocations, lines, replaced);
    }

    private BudgetProposal proposalOf(Decision decision) {
        return proposals.stream().filter(p -> decision.equals(p.decision())).findFirst().orElseThrow();
    }

    private SpecialFund replacing(Allocation changed, int newLines) {
        List<Allocation> replaced = new ArrayList<>(allocations.size());
        for (Allocation a : allocations) {
            replaced.add(a.id().equals(changed.id()) ? changed : a);
        }
        return new SpecialFund(year, budget, openedOn, opened, revisions, replaced, newLines, proposals);
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
        for (BudgetProposal p : proposals) {
            if (p.proposed().hasKey(key)) {
                found = p;
            }
            if (p.decision() != null && p.decision().recorded().hasKey(key)) {
                found = p.decision();
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
