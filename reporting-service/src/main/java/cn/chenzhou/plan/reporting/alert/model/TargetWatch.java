package cn.chenzhou.plan.reporting.alert.model;

import cn.chenzhou.plan.reporting.scorecard.model.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The watch kept on one target of one plan for one scope (a county, or the city): its last status and its recent
 * changes. A change to BEHIND or AT_RISK is an alert, a change out of them a notice; both are published. Other
 * changes (no data → on track, on track → achieved) are kept but not announced.
 *
 * @param changeCount how many changes this watch has seen: the deterministic part of an alert's id
 * @param recent      the latest changes, newest last, at most {@link #KEPT}
 */
public record TargetWatch(String planId, String targetId, String scope, Status status, String value, String goal,
                          LocalDate asOf, long changeCount, List<StatusChange> recent) {
    public static final int KEPT = 20;

    public TargetWatch {
        recent = recent == null ? List.of() : List.copyOf(recent);
    }

    /** The watch's id: plan, target and scope, also the Kafka key of its alerts. */
    public static String id(String planId, String targetId, String scope) {
        return planId + ":" + targetId + ":" + scope;
    }

    public String id() {
        return id(planId, targetId, scope);
    }

    /**
     * A change of status as it will be stored and, if {@link StatusChange#announced()}, published.
     *
     * @param alertId deterministic: the watch's id and the number of the change, so the same change computed again
     *                (after a crash or a rebuild) has the same id
     */
    public record StatusChange(String alertId, Status fromStatus, Status toStatus, String value, String goal,
                               LocalDate asOf, Instant at, boolean announced) {
    }

    /** A first evaluation: a watch that has seen no status yet. */
    public static TargetWatch first(String planId, String targetId, String scope) {
        return new TargetWatch(planId, targetId, scope, null, null, null, null, 0, List.of());
    }

    /**
     * The watch after a new evaluation, or null if nothing changed worth storing (same status; a value that moved
     * without a change of status is not recorded, so a steady target writes nothing).
     */
    public TargetWatch evaluated(Status newStatus, String newValue, String newGoal, LocalDate date, Instant now) {
        if (newStatus == status) {
            return null;
        }
        boolean announced = newStatus.isAlarming() || (status != null && status.isAlarming());
        long number = changeCount + 1;
        StatusChange change = new StatusChange(id() + ":" + number + ":" + newStatus, status, newStatus, newValue,
                newGoal, date, now, announced);
        List<StatusChange> kept = new ArrayList<>(recent);
        kept.add(change);
        while (kept.size() > KEPT) {
            kept.remove(0);
        }
        return new TargetWatch(planId, targetId, scope, newStatus, newValue, newGoal, date, number, kept);
    }

    public StatusChange lastChange() {
        return recent.isEmpty() ? null : recent.get(recent.size() - 1);
    }
}
