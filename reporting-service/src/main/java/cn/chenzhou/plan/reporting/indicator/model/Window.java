package cn.chenzhou.plan.reporting.indicator.model;

import java.time.LocalDate;

/**
 * What to count: facts effective on or before {@code asOf} (and not ended by then), and — when a target counts only
 * what happened during the plan — effective no earlier than {@code countFrom}.
 *
 * @param asOf        the date the figures are for
 * @param countFrom   null to count every fact in force; otherwise the first day that counts (the plan's start)
 * @param periodStart first day of the plan
 * @param periodEnd   last day of the plan
 */
public record Window(LocalDate asOf, LocalDate countFrom, LocalDate periodStart, LocalDate periodEnd) {

    /** True if a fact that took effect on {@code since} counts in this window. */
    public boolean counts(LocalDate since) {
        return since != null && !since.isAfter(asOf) && (countFrom == null || !since.isBefore(countFrom));
    }

    public Window at(LocalDate date) {
        return new Window(date, countFrom, periodStart, periodEnd);
    }
}
