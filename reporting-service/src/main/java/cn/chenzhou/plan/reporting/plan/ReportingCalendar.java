package cn.chenzhou.plan.reporting.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Today in Asia/Shanghai, which decides the "live" date of the plan in force (today, or the plan's end if it is over).
 * {@code reporting.today} pins it (demos of a historical plan, tests); empty means the real date.
 */
@Component
public class ReportingCalendar {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final Clock clock;
    private final LocalDate pinned;

    ReportingCalendar(Clock clock, @Value("${reporting.today:}") String pinned) {
        this.clock = clock;
        this.pinned = pinned == null || pinned.isBlank() ? null : LocalDate.parse(pinned);
    }

    public LocalDate today() {
        return pinned != null ? pinned : LocalDate.now(clock.withZone(ZONE));
    }
}
