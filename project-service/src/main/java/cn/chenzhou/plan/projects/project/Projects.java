package cn.chenzhou.plan.projects.project;

import cn.chenzhou.plan.projects.project.model.ProjectStatus;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What other features of project-service may know about a project (achievements and industries link to projects). */
@Component
public class Projects {
    private final ProjectStore store;

    Projects(ProjectStore store) {
        this.store = store;
    }

    /** A project as a link target: where it is and how far it got. */
    public record ProjectRef(String id, String county, ProjectStatus status) {
        /** Approved at some point (approved, in progress, accepted or terminated): a project that can have results. */
        public boolean wasApproved() {
            return status == ProjectStatus.APPROVED || status == ProjectStatus.IN_PROGRESS
                    || status == ProjectStatus.ACCEPTED || status == ProjectStatus.TERMINATED;
        }
    }

    public Optional<ProjectRef> find(String id) {
        return store.find(id).map(v -> new ProjectRef(v.id(), v.state().county(), v.state().status()));
    }
}
