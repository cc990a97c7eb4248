package cn.chenzhou.plan.sdk.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * A county's national S&T progress assessment result (国家科技进步考核) for a year (T1 passed, T2 advanced); one per
 * county and year, corrected only by explicit revisions.
 */
public record Assessment(String id, String county, String countyName, int year, Result result, String documentNo,
                         LocalDate effectiveOn, int revision, List<Entry> previous, long version) {

    public enum Result {
        /** 未通过 */
        FAILED,
        /** 通过: T1 */
        PASSED,
        /** 先进: T1 and T2 */
        ADVANCED
    }

    /** A revision this one corrected. */
    public record Entry(int revision, Result result, String documentNo, LocalDate effectiveOn, String reason) {
    }

    /** Plan office: a county's result for a year (409 {@code duplicate-registration} if recorded already). */
    public record RecordResult(String county, int year, Result result, String documentNo, LocalDate effectiveOn) {
    }

    /** Plan office: a correction; {@code revision} is the one it creates, the current + 1. */
    public record Revise(int revision, Result result, String documentNo, LocalDate effectiveOn, String reason) {
    }
}
