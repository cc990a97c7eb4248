package cn.chenzhou.plan.sdk.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Every target of the plan in force as of a date: the city-wide line and each county's line (a county portal sees
 * its own county only). Statuses: ACHIEVED, ON_TRACK, BEHIND, AT_RISK, NO_DATA (never shown as zero).
 */
public record Scorecard(String planId, Text planName, LocalDate asOf, LocalDate periodStart, LocalDate periodEnd,
                        List<Target> targets) {

    /** A label in Chinese (shown first) and English. */
    public record Text(String zh, String en) {
    }

    /**
     * @param scope    CITY or COUNTY: whether the target is judged city-wide or county by county
     * @param expected where the pace says the city-wide value should be now (null where no pace applies)
     */
    public record Target(String id, Text label, String indicator, String scope, String kind, String counting,
                         String unit, int weight, String goal, BigDecimal goalNumber, BigDecimal expected,
                         BigDecimal pace, String status, String value, BigDecimal number, String detail,
                         List<CountyLine> counties) {
    }

    /** A county's line: judged (status) for a per-county target, its contribution (no status) otherwise. */
    public record CountyLine(String county, String name, String nameEn, String status, String value, BigDecimal number,
                             String detail) {
    }

    /** One county's view of every target: its own line, and the city-wide status beside it. */
    public record County(String county, String name, String nameEn, String planId, LocalDate asOf,
                         List<CountyTarget> targets) {
    }

    public record CountyTarget(String id, Text label, boolean judgedPerCounty, String goal, String status, String value,
                               BigDecimal number, String detail, String cityStatus, String cityValue) {
    }
}
