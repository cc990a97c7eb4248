package cn.chenzhou.plan.sdk.funding;

import cn.chenzhou.plan.contracts.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A year's special fund (三年行动计划专项资金, F2): its budget and where it stands. {@code committed} = standing
 * allocations + money clawed back; {@code remaining} = budget − committed, never below zero. {@code planFigure} is the
 * plan's yearly figure: a budget above it takes effect only when the plan office approves the finance section's
 * proposal of it ({@code pendingProposalId} while one waits).
 */
public record SpecialFund(int year, Money budget, LocalDate openedOn, Money allocated, Money disbursed, Money released,
                          Money clawedBack, Money committed, Money remaining, int allocations, int ledgerLines,
                          Money planFigure, String pendingProposalId) {

    /** What the special fund supports (五、保障措施 3). */
    public enum Purpose {
        /** 重点科技创新型企业 */
        KEY_ENTERPRISE,
        /** 科技创新创业杰出人才 */
        OUTSTANDING_TALENT,
        /** 转化实施的重大科技成果 */
        MAJOR_ACHIEVEMENT
    }

    /**
     * Finance: open a year the configuration did not open (409 {@code fund-already-open} if it is). Above the plan's
     * yearly figure it is a proposal for the plan office; {@code reason} is what the office reads (optional).
     */
    public record OpenFund(int year, Money budget, LocalDate openedOn, String reason) {
        public OpenFund(int year, Money budget, LocalDate openedOn) {
            this(year, budget, openedOn, null);
        }
    }

    /**
     * Finance: set the year's budget to a new figure, never below what is committed nor dated before the budget in
     * force. Above the plan's yearly figure it is a proposal for the plan office.
     */
    public record ReviseBudget(Money budget, LocalDate revisedOn, String reason) {
    }

    /** @param proposalId the approved proposal it carries out, for a budget above the plan's yearly figure */
    public record BudgetRevision(int year, int line, Money from, Money to, LocalDate revisedOn, String reason,
                                 Instant recordedAt, String recordedBy, String proposalId) {
    }

    /**
     * A budget above the plan's yearly figure, proposed by the finance section: it counts only once the plan office
     * approves it.
     *
     * @param kind   OPENING or REVISION
     * @param status PENDING, APPROVED or REJECTED
     * @param note   the approval's note or the rejection's reason
     */
    public record BudgetProposal(String id, int year, String kind, String status, Money budget, Money planFigure,
                                 LocalDate effectiveOn, String reason, Instant proposedAt, String proposedBy,
                                 Instant decidedAt, String decidedBy, String note) {
        public boolean isPending() {
            return "PENDING".equals(status);
        }
    }

    /** The plan office approves a proposal (an optional note). */
    public record Approve(String note) {
    }

    /** The plan office rejects a proposal, saying why. */
    public record Reject(String reason) {
    }

    /**
     * A budget command asked for a budget above the plan's yearly figure: the platform recorded it as a proposal
     * (202), which waits for the plan office; the budget did not change.
     */
    public static final class ProposalRecorded extends RuntimeException {
        private final BudgetProposal proposal;

        public ProposalRecorded(BudgetProposal proposal) {
            super("the budget of " + proposal.budget() + " is above the plan's yearly figure of " + proposal.planFigure()
                    + ": recorded as budget proposal " + proposal.id() + " for the plan office to decide");
            this.proposal = proposal;
        }

        public BudgetProposal proposal() {
            return proposal;
        }
    }

    /** Who receives an allocation: an enterprise (with its credit code) or a person (a talent: the name only). */
    public record Beneficiary(String name, String creditCode) {
        public static Beneficiary person(String name) {
            return new Beneficiary(name, null);
        }
    }

    /** Finance: allocate (安排) money of the year's fund; 409 {@code over-budget} with {@code remaining} otherwise. */
    public record Allocate(Purpose purpose, Beneficiary beneficiary, String county, String projectId, Money amount,
                           String approvalDocument, LocalDate allocatedOn) {
    }

    /** Finance: pay out (拨付) against an allocation; 409 {@code over-allocation} with {@code remaining} otherwise. */
    public record Disburse(Money amount, LocalDate disbursedOn, String voucherNo) {
    }

    /** Finance: revoke (收回) an allocation: the undisbursed part returns to the budget, the disbursed is clawed back. */
    public record RevokeAllocation(LocalDate revokedOn, String reason) {
    }

    public record Disbursement(String id, String allocationId, int year, int line, Money amount, LocalDate disbursedOn,
                               String voucherNo, Instant recordedAt, String recordedBy) {
    }

    public record Revocation(int line, LocalDate revokedOn, String reason, Money released, Money clawedBack,
                             Instant recordedAt, String recordedBy) {
    }

    /** @param status ALLOCATED, PARTLY_DISBURSED, DISBURSED or REVOKED */
    public record Allocation(String id, int year, int line, String status, Purpose purpose, Beneficiary beneficiary,
                             String county, String projectId, Money amount, Money disbursed, Money undisbursed,
                             String approvalDocument, LocalDate allocatedOn, Instant recordedAt, String recordedBy,
                             List<Disbursement> disbursements, Revocation revocation) {
    }

    /** A year's ledger (专项资金台账): every posting in order with its movement and the balances after it. */
    public record Ledger(int year, List<Line> lines, Totals totals) {

        public record Movement(Money budget, Money allocated, Money disbursed, Money released, Money clawedBack) {
        }

        public record Balances(Money budget, Money allocated, Money disbursed, Money clawedBack, Money remaining) {
        }

        /** @param entry BUDGET_OPENED, BUDGET_REVISED, ALLOCATED, DISBURSED or REVOKED */
        public record Line(int line, String entry, LocalDate effectiveOn, Instant recordedAt, String recordedBy,
                           String allocationId, String disbursementId, String county, Purpose purpose,
                           String beneficiary, String reference, Movement movement, Balances balances) {
        }

        public record Totals(Movement movements, Money allocatedGross, Money disbursedGross, Balances balances) {
        }
    }
}
