package cn.chenzhou.plan.funding.specialfund.model;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.model.Refusal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The ways the special fund says no. Each leaves the fund exactly as it was. */
public final class SpecialFundRefusals {
    private SpecialFundRefusals() {
    }

    /** The allocation would take the year's commitments past its budget. */
    public record OverBudget(int year, Money requested, Money budget, Money remaining) implements Refusal {
        public Kind kind() {
            return Kind.CONFLICT;
        }

        public String type() {
            return "over-budget";
        }

        public String detail() {
            return "the " + year + " special fund has " + remaining + " left of its " + budget + " budget; "
                    + requested + " cannot be allocated";
        }

        public Map<String, Object> facts() {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("year", year);
            facts.put("requested", requested);
            facts.put("budget", budget);
            facts.put("remaining", remaining);
            return facts;
        }
    }

    /** The disbursement would pay out more than what is left of its allocation. */
    public record OverAllocation(String allocationId, Money requested, Money allocated, Money remaining)
            implements Refusal {
        public Kind kind() {
            return Kind.CONFLICT;
        }

        public String type() {
            return "over-allocation";
        }

        public String detail() {
            return "allocation " + allocationId + " has " + remaining + " left to disburse of " + allocated + "; "
                    + requested + " cannot be paid out";
        }

        public Map<String, Object> facts() {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("allocationId", allocationId);
            facts.put("requested", requested);
            facts.put("allocated", allocated);
            facts.put("remaining", remaining);
            return facts;
        }
    }

    /** A budget may not fall below what the year has already committed. */
    public record BudgetBelowCommitted(int year, Money requested, Money committed) implements Refusal {
        public Kind kind() {
            return Kind.CONFLICT;
        }

        public String type() {
            return "budget-below-committed";
        }

        public String detail() {
            return "the " + year + " special fund has " + committed + " committed (allocated, or disbursed and clawed back); "
                    + "its budget cannot be revised to " + requested;
        }

        public Map<String, Object> facts() {
            return Map.of("year", year, "requested", requested, "committed", committed);
        }
    }

    /** A revoked allocation takes no more disbursements and cannot be revoked again. */
    public record AllocationRevoked(String allocationId) implements Refusal {
        public Kind kind() {
            return Kind.CONFLICT;
        }

        public String type() {
            return "allocation-revoked";
        }

        public String detail() {
            return "allocation " + allocationId + " has been revoked";
        }

        public Map<String, Object> facts() {
            return Map.of("allocationId", allocationId);
        }
    }

    /** A revision to the figure already in force would only clutter the ledger (and is what a blind retry sends). */
    public record BudgetUnchanged(int year, Money budget) implements Refusal {
        public Kind kind() {
            return Kind.CONFLICT;
        }

        public String type() {
            return "budget-unchanged";
        }

        public String detail() {
            return "the " + year + " budget already is " + budget;
        }
    }

    /** One year's ledger is one document; it is bounded well below MongoDB's document size. */
    public record LedgerFull(int year, int lines) implements Refusal {
        public Kind kind() {
            return Kind.CONFLICT;
        }

        public String type() {
            return "ledger-full";
        }

        public String detail() {
            return "the " + year + " special-fund ledger holds its maximum of " + lines + " lines";
        }
    }

    /** A year is opened once; after that its budget changes only by revision. */
    public record FundAlreadyOpen(int year) implements Refusal {
        public Kind kind() {
            return Kind.CONFLICT;
        }

        public String type() {
            return "fund-already-open";
        }

        public String detail() {
            return "the " + year + " special fund is already open; revise its budget instead";
        }

        public Map<String, Object> facts() {
            return Map.of("year", year);
        }
    }

    /** A budget above the plan's yearly figure takes effect only through a proposal the plan office approves. */
    public record ApprovalRequired(int year, Money budget, Money planFigure) implements Refusal {
        public Kind kind() {
            return Kind.CONFLICT;
        }

        public String type() {
            return "approval-required";
        }

        public String detail() {
            return "a " + year + " budget of " + budget + " is above the plan's yearly figure of " + planFigure
                    + " and needs the plan office's approval";
        }

        public Map<String, Object> facts() {
            return Map.of("year", year, "budget", budget, "planFigure", planFigure);
        }
    }

    /** A budget within the plan's yearly figure is set directly; there is nothing for the plan office to approve. */
    public record ApprovalNotRequired(int year, Money budget, Money planFigure) implements Refusal {
        public Kind kind() {
            return Kind.CONFLICT;
        }

        public String type() {
            return "approval-not-required";
        }

        public String detail() {
            return "a " + year + " budget of " + budget + " is within the plan's yearly figure of " + planFigure
                    + "; set it directly";
        }
    }

    /** While a budget proposal waits for the plan office, the year's budget takes no other change. */
    public record ProposalPending(int year, String proposalId) implements Refusal {
        public Kind kind() {
            return Kind.CONFLICT;
        }

        public String type() {
            return "budget-proposal-pending";
        }

        public String detail() {
            return "budget proposal " + proposalId + " for " + year + " waits for the plan office; it must be decided first";
        }

        public Map<String, Object> facts() {
            return Map.of("year", year, "proposalId", proposalId);
        }
    }

    /** A proposal is decided once. */
    public record ProposalDecided(String proposalId, BudgetProposal.Status status) implements Refusal {
        public Kind kind() {
            return Kind.CONFLICT;
        }

        public String type() {
            return "budget-proposal-decided";
        }

        public String detail() {
            return "budget proposal " + proposalId + " has already been " + status.name().toLowerCase(java.util.Locale.ROOT);
        }

        public Map<String, Object> facts() {
            return Map.of("proposalId", proposalId, "status", status);
        }
    }

    /** Four eyes: who proposed a budget does not approve it. */
    public record SamePrincipal(String proposalId, String principal) implements Refusal {
        public Kind kind() {
            return Kind.FORBIDDEN;
        }

        public String type() {
            return "forbidden";
        }

        public String detail() {
            return principal + " proposed budget proposal " + proposalId + " and may not decide it too";
        }
    }
}
