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
}
