package cn.chenzhou.plan.reporting.scorecard.model;

import java.math.BigDecimal;

/**
 * A target's value for one scope, ready to show.
 *
 * @param value    the value as people read it: {@code 7}, {@code ¥52,300,000.00}, {@code 86.67%}, {@code 7/11}
 * @param number   the same as a number (yuan for money, percent for shares), null when there is no data
 * @param status   the status; null for a county's contribution to a city-wide target (not judged per county)
 * @param detail   what the value rests on: the reported year of a share, the years compared, counties without data
 */
public record Reading(String value, BigDecimal number, Status status, String detail) {
    public static Reading noData(String reason) {
        return new Reading("—", null, Status.NO_DATA, reason);
    }
}
