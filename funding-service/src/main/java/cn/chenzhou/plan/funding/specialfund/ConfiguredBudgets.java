package cn.chenzhou.plan.funding.specialfund;

import cn.chenzhou.plan.contracts.Money;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The yearly budgets configured for the special fund, {@code year=yuan} pairs separated by commas, e.g.
 * {@code 2012=2000000.00,2013=2000000.00,2014=2000000.00} — the 2012–2014 plan's ¥2,000,000 a year by default,
 * another plan's years and figures by configuration ({@code SPECIAL_FUND_BUDGETS}).
 */
record ConfiguredBudgets(SortedMap<Integer, Money> byYear) {

    ConfiguredBudgets {
        byYear = Collections.unmodifiableSortedMap(new TreeMap<>(byYear));
    }

    static ConfiguredBudgets parse(String text) {
        TreeMap<Integer, Money> budgets = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return new ConfiguredBudgets(budgets);
        }
        for (String pair : text.split(",")) {
            String[] parts = pair.strip().split("=");
            if (parts.length != 2) {
                throw new IllegalArgumentException("special-fund budget '" + pair.strip() + "' is not year=yuan");
            }
            int year;
            try {
                year = Integer.parseInt(parts[0].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("special-fund budget '" + pair.strip() + "' has no year");
            }
            if (year < 2000 || year > 2100) {
                throw new IllegalArgumentException("special-fund budget year " + year + " is out of range");
            }
            Money budget = Money.parseYuan(parts[1].strip());
            if (!budget.isPositive()) {
                throw new IllegalArgumentException("special-fund budget for " + year + " must be more than zero");
            }
            if (budgets.put(year, budget) != null) {
                throw new IllegalArgumentException("special-fund budget for " + year + " is configured twice");
            }
        }
        return new ConfiguredBudgets(budgets);
    }
}
