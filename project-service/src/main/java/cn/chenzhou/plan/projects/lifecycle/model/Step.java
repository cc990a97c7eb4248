package cn.chenzhou.plan.projects.lifecycle.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Who took a step in an aggregate's life, when it was recorded, and the date it takes effect
 * (the Asia/Shanghai calendar date the plan office or county gives, which is what the plan's targets count by).
 * The moment of recording is kept to the millisecond, as the database keeps it.
 */
public record Step(String actor, Instant recordedAt, LocalDate effectiveOn) {
    public Step {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(effectiveOn, "effectiveOn");
        recordedAt = recordedAt.truncatedTo(ChronoUnit.MILLIS);
    }
}
