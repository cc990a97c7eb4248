package cn.chenzhou.plan.projects.project;

import cn.chenzhou.plan.chassis.outbox.AggregateCollection;
import cn.chenzhou.plan.chassis.outbox.Aggregates;
import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.projects.project.model.Project;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Projects in project-service's own database, each document with its outbox. */
@Component
class ProjectStore {
    private final AggregateCollection<Project> projects;

    ProjectStore(Aggregates aggregates) {
        this.projects = aggregates.collection("projects", Project.class);
        projects.index("county", "status");
    }

    void insert(Project project, List<PendingEvent> events, String actor) {
        projects.insert(project.id(), project, events, actor);
    }

    Optional<Versioned<Project>> find(String id) {
        return projects.find(id);
    }
}
