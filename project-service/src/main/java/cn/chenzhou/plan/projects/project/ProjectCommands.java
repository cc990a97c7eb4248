package cn.chenzhou.plan.projects.project;

import cn.chenzhou.plan.projects.lifecycle.SentVersion;
import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.projects.lifecycle.model.Step;
import cn.chenzhou.plan.projects.project.model.Project;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * How every command on an existing project runs: load it (another county's project does not exist for a county
 * portal), insist on the version the client read (optimistic locking: the loser of two concurrent edits gets a 409
 * and nothing of it is stored), take the step, and store the new state together with its one event.
 */
@Component
class ProjectCommands {
    private final ProjectStore store;
    private final Clock clock;

    ProjectCommands(ProjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Who acts, now, with effect from {@code effectiveOn}. */
    Step step(Actor actor, LocalDate effectiveOn) {
        return new Step(actor.name(), clock.instant(), effectiveOn);
    }

    Versioned<Project> load(String id, Actor actor) {
        Versioned<Project> loaded = store.find(id).orElseThrow(() -> ApiException.notFound("project", id));
        if (!actor.mayRead(loaded.state().county())) {
            // another county's project is none of this portal's business, not even its existence
            throw ApiException.notFound("project", id);
        }
        return loaded;
    }

    ProjectView change(String id, long version, Actor actor, UnaryOperator<Project> step) {
        Versioned<Project> loaded = load(id, actor);
        SentVersion.require(loaded, version, "project");
        Project next = step.apply(loaded.state());
        store.update(loaded, next, ProjectEventMapping.of(next), actor.name());
        return ProjectView.of(next, loaded.version() + 1, actor);
    }
}
