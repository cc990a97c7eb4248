package cn.chenzhou.plan.projects.project;

import cn.chenzhou.plan.chassis.web.PageParameters;
import static cn.chenzhou.plan.chassis.outbox.AggregateCollection.field;

import cn.chenzhou.plan.chassis.outbox.AggregateCollection;
import cn.chenzhou.plan.chassis.outbox.Aggregates;
import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.projects.programme.model.Level;
import cn.chenzhou.plan.projects.project.model.Project;
import cn.chenzhou.plan.projects.project.model.ProjectStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Projects in project-service's own database, each document with its outbox (state and events in one write). */
@Component
class ProjectStore {
    private final AggregateCollection<Project> projects;

    ProjectStore(Aggregates aggregates) {
        this.projects = aggregates.collection("projects", Project.class);
        projects.index("county", "status");
        projects.index("year");
    }

    /** Which projects a list shows; null means "any". */
    record Filter(String county, String programme, ProjectStatus status, Level level, Integer year) {
    }

    void insert(Project project, List<PendingEvent> events, String actor) {
        projects.insert(project.id(), project, events, actor);
    }

    /** @throws cn.chenzhou.plan.chassis.outbox.ConcurrentUpdateException if someone changed it since {@code loaded} */
    void update(Versioned<Project> loaded, Project project, List<PendingEvent> events, String actor) {
        projects.update(loaded, project, events, actor);
    }

    Optional<Versioned<Project>> find(String id) {
        return projects.find(id);
    }

    /** One page of the projects matching the filter, the latest drafted first. */
    List<Versioned<Project>> page(Filter filter, PageParameters paging) {
        Query query = query(filter)
                .with(Sort.by(Sort.Order.desc(field("draftedOn")), Sort.Order.asc("_id")))
                .skip(paging.offset()).limit(paging.size());
        return projects.find(query);
    }

    long count(Filter filter) {
        return projects.count(query(filter));
    }

    private static Query query(Filter f) {
        List<Criteria> criteria = new ArrayList<>();
        if (f.county() != null) {
            criteria.add(Criteria.where(field("county")).is(f.county()));
        }
        if (f.programme() != null) {
            criteria.add(Criteria.where(field("proposal.programme")).is(f.programme()));
        }
        if (f.status() != null) {
            criteria.add(Criteria.where(field("status")).is(f.status().name()));
        }
        if (f.level() != null) {
            criteria.add(Criteria.where(field("proposal.level")).is(f.level().name()));
        }
        if (f.year() != null) {
            criteria.add(Criteria.where(field("year")).is(f.year()));
        }
        return criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
    }
}
