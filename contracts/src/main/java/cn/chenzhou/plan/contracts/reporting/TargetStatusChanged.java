package cn.chenzhou.plan.contracts.reporting;

/**
 * A plan target changed status for a scope (a county, or the city): the alert reporting raises when a target
 * falls behind its pace or is at risk, and the notice that it recovered.
 *
 * @param alertId    deterministic id: the same change computed twice (after a rebuild) has the same id
 * @param planId     the plan definition the target belongs to
 * @param targetId   e.g. T8a, F1
 * @param scope      county code, or 431000 for the city-wide line
 * @param fromStatus previous status (ACHIEVED, ON_TRACK, BEHIND, AT_RISK, NO_DATA), or null for the first evaluation
 * @param toStatus   new status
 * @param value      the indicator's value at that moment, as text (a count, a percentage, yuan)
 * @param goal       the target's figure, as text
 * @param asOf       the date the status applies to
 */
public record TargetStatusChanged(
        String alertId,
        String planId,
        String targetId,
        String scope,
        String fromStatus,
        String toStatus,
        String value,
        String goal,
        String asOf) {
}
