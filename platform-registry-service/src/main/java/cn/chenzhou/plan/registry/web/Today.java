package cn.chenzhou.plan.registry.web;

import cn.chenzhou.plan.chassis.PlanCalendar;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Today's date in Asia/Shanghai, the calendar of every effective date; from the service's {@link Clock}. */
@Component
public class Today {
    private final Clock clock;

    Today(Clock clock) {
        this.clock = clock;
    }

    public LocalDate date() {
        return PlanCalendar.today(clock);
    }
}
