package cn.chenzhou.plan.contracts.project;

import cn.chenzhou.plan.contracts.EventType;
import cn.chenzhou.plan.contracts.Topics;
import java.util.List;

/** Events of project-service, on {@link Topics#PROJECTS}, keyed by project id. */
public final class ProjectEvents {
    public static final String SOURCE = "/project-service";

    public static final EventType SUBMITTED = EventType.of(Topics.PROJECTS, "project.submitted", 1, ProjectSubmitted.class);

    public static final List<EventType> ALL = List.of(SUBMITTED);

    private ProjectEvents() {
    }
}
