package cn.chenzhou.plan.contracts.reporting;

import cn.chenzhou.plan.contracts.EventType;
import cn.chenzhou.plan.contracts.Topics;
import java.util.List;

/** Events of reporting-service, on {@link Topics#ALERTS}, keyed by plan, target and scope. */
public final class ReportingEvents {
    public static final String SOURCE = "/reporting-service";

    public static final EventType TARGET_STATUS_CHANGED =
            EventType.of(Topics.ALERTS, "target.status-changed", 1, TargetStatusChanged.class);

    public static final List<EventType> ALL = List.of(TARGET_STATUS_CHANGED);

    private ReportingEvents() {
    }
}
