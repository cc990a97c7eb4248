package cn.chenzhou.plan.registry.assessment.model;

import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.registry.model.EffectiveDates;
import cn.chenzhou.plan.registry.model.Refusal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A county's national S&T progress assessment result (国家科技进步考核) for a year (T1 passed, T2 advanced). There is
 * one per county and year — its id says so — and it is corrected only by an explicit revision that names the
 * revision it creates (the current one + 1) and the reason, so that two corrections made at once cannot both apply.
 *
 * @param current  the revision in force
 * @param previous the revisions it corrected, oldest first
 */
public record Assessment(String id, String county, int year, AssessmentEntry current, List<AssessmentEntry> previous) {
    /** The first year an assessment may be recorded for: the platform takes no date before 2000-01-01. */
    public static final int FIRST_YEAR = 2000;

    public Assessment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(current, "current");
        previous = previous == null ? List.of() : List.copyOf(previous);
    }

    public static String idOf(String county, int year) {
        return "asm-" + county + "-" + year;
    }

    /** The plan office records a county's result for a year, effective from {@code effectiveOn}. */
    public static Assessment record(String county, int year, AssessmentResult result, String documentNo,
                                    LocalDate effectiveOn, LocalDate today) {
        if (!County.isCountyCode(county)) {
            throw Refusal.invalid("county", "must be one of the 11 Chenzhou county codes");
        }
        checkYear(year, today);
        checkEffective(year, effectiveOn, today);
        return new Assessment(idOf(county, year), county, year,
                new AssessmentEntry(1, result, documentNo, effectiveOn, null), List.of());
    }

    /**
     * A correction: revision {@code revision} replaces the result in force. {@code revision} must be the current
     * revision + 1 — a client that did not see the latest revision is refused rather than overwriting it.
     */
    public Assessment revise(int revision, AssessmentResult result, String documentNo, LocalDate effectiveOn,
                             String reason, LocalDate today) {
        if (revision != current.revision() + 1) {
            throw Refusal.conflict("revision-mismatch", "assessment " + id + " is at revision " + current.revision()
                    + "; a correction must be revision " + (current.revision() + 1));
        }
        checkEffective(year, effectiveOn, today);
        if (result == current.result() && documentNo.equals(current.documentNo()) && effectiveOn.equals(current.effectiveOn())) {
            throw Refusal.conflict("no-change", "revision " + revision + " of " + id + " would change nothing");
        }
        List<AssessmentEntry> corrected = new ArrayList<>(previous);
        corrected.add(current);
        return new Assessment(id, county, year, new AssessmentEntry(revision, result, documentNo, effectiveOn, reason),
                corrected);
    }

    private static void checkYear(int year, LocalDate today) {
        if (year < FIRST_YEAR || year > today.getYear()) {
            throw Refusal.invalid("year", "must be between " + FIRST_YEAR + " and " + today.getYear());
        }
    }

    /** A year's result is published in that year or later, never before it. */
    private static void checkEffective(int year, LocalDate effectiveOn, LocalDate today) {
        EffectiveDates.check("effectiveOn", effectiveOn, today);
        if (effectiveOn.getYear() < year) {
            throw Refusal.invalid("effectiveOn", "must not be before the assessed year " + year);
        }
    }
}
