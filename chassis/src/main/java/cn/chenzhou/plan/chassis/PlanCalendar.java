package cn.chenzhou.plan.chassis;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The platform's calendar: every effective date is a calendar date in Asia/Shanghai, whatever zone a JVM runs in.
 */
public final class PlanCalendar {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private PlanCalendar() {
    }

    /** Today in Chenzhou, by the given clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
