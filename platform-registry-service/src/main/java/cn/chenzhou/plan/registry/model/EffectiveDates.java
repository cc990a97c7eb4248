package cn.chenzhou.plan.registry.model;

import java.time.LocalDate;

/**
 * The rules every effective date of the registry obeys. A fact counts from the date the command states (the date
 * of registration, accreditation, grant, …), an Asia/Shanghai calendar date. A date in the future is refused: the
 * registry records what has happened, not what is planned. A date before {@link #EARLIEST} is taken for a typing error.
 */
public final class EffectiveDates {
    /** No innovation platform, designation or assessment of this plan predates the reform era. */
    public static final LocalDate EARLIEST = LocalDate.of(1978, 1, 1);

    private EffectiveDates() {
    }

    /**
     * @return {@code date}, if it is neither in the future nor implausibly early
     * @throws Refusal naming {@code field} otherwise
     */
    public static LocalDate check(String field, LocalDate date, LocalDate today) {
        if (date == null) {
            throw Refusal.invalid(field, "is required");
        }
        if (date.isAfter(today)) {
            throw Refusal.invalid(field, "must not be in the future (today is " + today + " in Asia/Shanghai)");
        }
        if (date.isBefore(EARLIEST)) {
            throw Refusal.invalid(field, "must not be before " + EARLIEST);
        }
        return date;
    }

    /** Refuses {@code date} if it is before {@code earlier}, the date of what it follows. */
    public static void notBefore(String field, LocalDate date, LocalDate earlier, String what) {
        if (date.isBefore(earlier)) {
            throw Refusal.invalid(field, "must not be before " + what + " (" + earlier + ")");
        }
    }
}
