package cn.chenzhou.plan.funding.specialfund.model;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.model.Recording;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A budget above the plan's yearly figure, as the finance section proposed it (预算调整申请): it takes effect only
 * when the plan office approves it — a second principal, not the one who proposed it. Until then the year's budget
 * is what it was; a rejected proposal changes nothing but the record.
 *
 * @param kind       whether it opens the year or revises its budget
 * @param effectiveOn the opening's or the revision's effective date, as proposed
 * @param planFigure the plan's yearly figure the budget is above, when it was proposed
 * @param decision   null while the proposal waits for the plan office
 */
public record BudgetProposal(String id, Kind kind, Money budget, LocalDate effectiveOn, String reason,
                             Money planFigure, Recording proposed, Decision decision) {

    public enum Kind { OPENING, REVISION }

    public enum Status { PENDING, APPROVED, REJECTED }

    /** The plan office's decision: approved (with an optional note) or rejected (with its reason). */
    public record Decision(boolean approved, String note, Recording recorded) {
        public Decision {
            Objects.requireNonNull(recorded, "recorded");
        }
    }

    public BudgetProposal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(effectiveOn, "effectiveOn");
        Objects.requireNonNull(proposed, "proposed");
    }

    public Status status() {
        return decision == null ? Status.PENDING : decision.approved() ? Status.APPROVED : Status.REJECTED;
    }

    public boolean isPending() {
        return decision == null;
    }

    BudgetProposal decided(Decision made) {
        return new BudgetProposal(id, kind, budget, effectiveOn, reason, planFigure, proposed, made);
    }

    /** The command as proposed, to tell a retried proposal from a different one under the same key. */
    ProposeBudget command() {
        return new ProposeBudget(kind, budget, effectiveOn, reason);
    }

    /** What finance proposed, to compare a retried proposal with the first. */
    public record ProposeBudget(Kind kind, Money budget, LocalDate effectiveOn, String reason) {
    }
}
