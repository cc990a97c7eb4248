package cn.chenzhou.plan.projects.project;

import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.contracts.EventType;
import cn.chenzhou.plan.contracts.project.ProjectAccepted;
import cn.chenzhou.plan.contracts.project.ProjectApproved;
import cn.chenzhou.plan.contracts.project.ProjectDrafted;
import cn.chenzhou.plan.contracts.project.ProjectEvents;
import cn.chenzhou.plan.contracts.project.ProjectExpertReviewed;
import cn.chenzhou.plan.contracts.project.ProjectFormalReviewPassed;
import cn.chenzhou.plan.contracts.project.ProjectMidtermChecked;
import cn.chenzhou.plan.contracts.project.ProjectRejected;
import cn.chenzhou.plan.contracts.project.ProjectReturned;
import cn.chenzhou.plan.contracts.project.ProjectRevised;
import cn.chenzhou.plan.contracts.project.ProjectStarted;
import cn.chenzhou.plan.contracts.project.ProjectSubmitted;
import cn.chenzhou.plan.contracts.project.ProjectTerminated;
import cn.chenzhou.plan.projects.lifecycle.model.HistoryEntry;
import cn.chenzhou.plan.projects.project.model.MidtermCheck;
import cn.chenzhou.plan.projects.project.model.Project;
import cn.chenzhou.plan.projects.project.model.ProjectTransition;
import cn.chenzhou.plan.projects.project.model.Proposal;
import java.util.List;

/** Translates the step a project just took (its last history entry) into the one event of the published contract. */
final class ProjectEventMapping {
    private ProjectEventMapping() {
    }

    static List<PendingEvent> of(Project p) {
        HistoryEntry step = p.lastStep();
        String on = step.effectiveOn().toString();
        ProjectTransition transition = ProjectTransition.byCode(step.action())
                .orElseThrow(() -> new IllegalStateException("unknown step " + step.action()));
        Proposal a = p.proposal();
        String id = p.id();
        String county = p.county();
        return List.of(switch (transition) {
            case DRAFT_PROJECT -> event(ProjectEvents.DRAFTED, p, new ProjectDrafted(id, county, a.title(), a.programme(),
                    a.level().name(), a.applicant().name(), a.applicant().creditCode().value(), a.requestedAmount().fen(),
                    a.period().start().toString(), a.period().end().toString(), on));
            case REVISE -> event(ProjectEvents.REVISED, p, new ProjectRevised(id, county, a.title(), a.programme(),
                    a.level().name(), a.applicant().name(), a.applicant().creditCode().value(), a.requestedAmount().fen(),
                    a.period().start().toString(), a.period().end().toString(), on));
            case SUBMIT -> event(ProjectEvents.SUBMITTED, p, new ProjectSubmitted(id, county, a.title(), a.programme(),
                    a.level().name(), a.applicant().name(), a.applicant().creditCode().value(), a.requestedAmount().fen(), on));
            case PASS_FORMAL_REVIEW -> event(ProjectEvents.FORMAL_REVIEW_PASSED, p, new ProjectFormalReviewPassed(id, county, on));
            case RETURN -> event(ProjectEvents.RETURNED, p, new ProjectReturned(id, county, step.note(), on));
            case EXPERT_REVIEW -> event(ProjectEvents.EXPERT_REVIEWED, p, new ProjectExpertReviewed(id, county,
                    p.expertReview().reviews().size(), p.expertReview().aggregateScore(), on));
            case APPROVE -> event(ProjectEvents.APPROVED, p, new ProjectApproved(id, county, a.programme(), a.level().name(),
                    p.approval().approvedAmount().fen(), p.approval().taskContractNo(), on));
            case REJECT -> event(ProjectEvents.REJECTED, p, new ProjectRejected(id, county, p.rejection().reason(), on));
            case START -> event(ProjectEvents.STARTED, p, new ProjectStarted(id, county, on));
            case MIDTERM_CHECK -> {
                MidtermCheck check = p.midtermChecks().get(p.midtermChecks().size() - 1);
                yield event(ProjectEvents.MIDTERM_CHECKED, p, new ProjectMidtermChecked(id, county, check.result().name(), on));
            }
            case ACCEPT -> event(ProjectEvents.ACCEPTED, p, new ProjectAccepted(id, county,
                    p.acceptance().conclusion().name(), on));
            case TERMINATE -> event(ProjectEvents.TERMINATED, p, new ProjectTerminated(id, county,
                    p.termination().reason(), on));
        });
    }

    private static PendingEvent event(EventType type, Project p, Object data) {
        return new PendingEvent(type, p.id(), p.county(), data);
    }
}
