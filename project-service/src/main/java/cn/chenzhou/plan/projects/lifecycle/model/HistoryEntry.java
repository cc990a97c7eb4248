package cn.chenzhou.plan.projects.lifecycle.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of an aggregate's history: what was done ({@code action}, e.g. {@code approve}), the status before and
 * after, who did it, when it was recorded, the date it takes effect, and a note (a reason, a result).
 */
public record HistoryEntry(String action, String fromStatus, String toStatus, String actor, Instant recordedAt,
                           LocalDate effectiveOn, String note) {
    public HistoryEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(toStatus, "toStatus");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(effectiveOn, "effectiveOn");
    }

    public static HistoryEntry of(String action, Enum<?> from, Enum<?> to, Step step, String note) {
        return new HistoryEntry(action, from == null ? null : from.name(), to.name(), step.actor(), step.recordedAt(),
                step.effectiveOn(), note);
    }
}
