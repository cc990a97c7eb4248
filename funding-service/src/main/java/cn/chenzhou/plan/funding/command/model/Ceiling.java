package cn.chenzhou.plan.funding.command.model;

import cn.chenzhou.plan.contracts.Money;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A bound on money that a finance section would recognise, per kind of money: the most one entry may be
 * ({@link #entry}), or the most a total may reach ({@link #total}). An amount past it is not a figure of a city S&T
 * plan but a slip of the keyboard (or an attack), and is refused when it is written — so that no total the
 * platform later reads back is one it cannot answer.
 *
 * @param what  what is bounded, as a finance officer would say it ("one secured-funds entry")
 * @param limit the most it may be
 */
public record Ceiling(String what, Money limit) {

    public Ceiling {
        Objects.requireNonNull(what, "what");
        if (!limit.isPositive()) {
            throw new IllegalArgumentException("a ceiling is more than zero");
        }
    }

    /** Refuses (invalid input, naming the field and the ceiling) one amount above the ceiling. */
    public Money entry(String field, Money amount) {
        if (amount.exceeds(limit)) {
            throw new Refused(new AmountOverCeiling(field, what, limit, amount));
        }
        return amount;
    }

    /** Refuses (a conflict, naming the field and the ceiling) an amount that would take a total past the ceiling. */
    public void total(String field, Money total, Money amount) {
        if (total.plus(amount).exceeds(limit)) {
            throw new Refused(new TotalOverCeiling(field, what, limit, total, amount));
        }
    }

    /** One amount above what one entry of its kind may be. */
    public record AmountOverCeiling(String field, String what, Money ceiling, Money requested) implements Refusal {
        public Kind kind() {
            return Kind.INVALID_INPUT;
        }

        public String type() {
            return "invalid-input";
        }

        public String reason() {
            return "must not be more than " + ceiling.toYuanString() + " (the ceiling of " + what + ")";
        }

        public String detail() {
            return field + ": " + reason();
        }

        public Map<String, Object> facts() {
            return Map.of("ceiling", ceiling);
        }
    }

    /** An amount that would take a total past its ceiling; the total as it stands is within it. */
    public record TotalOverCeiling(String field, String what, Money ceiling, Money total, Money requested)
            implements Refusal {
        public Kind kind() {
            return Kind.CONFLICT;
        }

        public String type() {
            return "total-over-ceiling";
        }

        public String detail() {
            return what + " add up to " + total + "; " + requested + " more would pass their ceiling of " + ceiling;
        }

        public Map<String, Object> facts() {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("field", field);
            facts.put("ceiling", ceiling);
            facts.put("total", total);
            facts.put("requested", requested);
            return facts;
        }
    }
}
