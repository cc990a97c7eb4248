package cn.chenzhou.plan.funding.command;

import cn.chenzhou.plan.chassis.PlanCalendar;
import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.funding.command.model.Recording;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The bureau's calendar: effective dates are calendar dates in Asia/Shanghai, and a fact cannot be effective in
 * the future — whatever zone the server runs in.
 */
@Component
public class BusinessCalendar {
    /** No figure of this platform predates the plans it serves. */
    public static final int FIRST_YEAR = 2000;

    private final Clock clock;

    public BusinessCalendar(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * How a change is recorded: now, by the actor, under its idempotency key. Taken when the change is decided
     * (again on every retry), so that ledger lines in posting order are also in recording-time order.
     */
    public Recording recording(Actor actor, String requestKey) {
        return new Recording(now(), actor.name(), requestKey);
    }

    public LocalDate today() {
        return PlanCalendar.today(clock);
    }

    /** Refuses (400, naming the field) an effective date after today in Asia/Shanghai. */
    public LocalDate notInFuture(String field, LocalDate date) {
        LocalDate today = today();
        if (date.isAfter(today)) {
            throw ApiException.invalidField(field, "must not be in the future (today is " + today + " in Asia/Shanghai)");
        }
        if (date.getYear() < FIRST_YEAR) {
            throw ApiException.invalidField(field, "must not be before " + FIRST_YEAR);
        }
        return date;
    }

    /** A year a budget or a figure can be about: from {@value #FIRST_YEAR} to next year. */
    public int plausibleYear(String field, int year) {
        int last = today().getYear() + 1;
        if (year < FIRST_YEAR || year > last) {
            throw ApiException.invalidField(field, "must be a year from " + FIRST_YEAR + " to " + last);
        }
        return year;
    }

    /** A year whose figures can already exist: from {@value #FIRST_YEAR} to this year. */
    public int pastOrCurrentYear(String field, int year) {
        int last = today().getYear();
        if (year < FIRST_YEAR || year > last) {
            throw ApiException.invalidField(field, "must be a year from " + FIRST_YEAR + " to " + last);
        }
        return year;
    }
}
