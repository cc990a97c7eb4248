package cn.chenzhou.plan.projects.project;

import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.contracts.project.ProjectEvents;
import cn.chenzhou.plan.contracts.project.ProjectSubmitted;
import cn.chenzhou.plan.projects.project.model.Project;

/** Translates what happened to a project into the published contract. */
final class ProjectEventMapping {
    private ProjectEventMapping() {
    }

    static PendingEvent submitted(Project p) {
        return new PendingEvent(ProjectEvents.SUBMITTED, p.id(), p.county(), new ProjectSubmitted(
                p.id(), p.county(), p.title(), p.programme(), p.level().name(), p.applicant().name(),
                p.applicant().creditCode().value(), p.requestedAmount().fen(), p.submittedOn().toString()));
    }
}
