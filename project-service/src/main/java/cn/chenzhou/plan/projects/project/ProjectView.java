package cn.chenzhou.plan.projects.project;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.projects.lifecycle.model.HistoryEntry;
import cn.chenzhou.plan.projects.programme.model.Level;
import cn.chenzhou.plan.projects.project.model.Acceptance;
import cn.chenzhou.plan.projects.project.model.Applicant;
import cn.chenzhou.plan.projects.project.model.Approval;
import cn.chenzhou.plan.projects.project.model.Contact;
import cn.chenzhou.plan.projects.project.model.ExpertReview;
import cn.chenzhou.plan.projects.project.model.MidtermCheck;
import cn.chenzhou.plan.projects.project.model.Project;
import cn.chenzhou.plan.projects.project.model.ProjectPeriod;
import cn.chenzhou.plan.projects.project.model.ProjectStatus;
import cn.chenzhou.plan.projects.project.model.Rejection;
import cn.chenzhou.plan.projects.project.model.Review;
import cn.chenzhou.plan.projects.project.model.Termination;
import java.time.LocalDate;
import java.util.List;

/**
 * A project as the API shows it, with the {@code version} a client sends back with its next command and the steps
 * allowed now. County portals see the experts' scores and opinions but not who the experts were.
 */
record ProjectView(String id, String county, String countyName, String title, String programme, Level level,
                   Applicant applicant, Money requestedAmount, ProjectPeriod period, Contact contact,
                   ProjectStatus status, int year, LocalDate draftedOn, LocalDate submittedOn, ReturnView lastReturn,
                   ExpertReview expertReview, Approval approval, Rejection rejection, LocalDate startedOn,
                   List<MidtermCheck> midtermChecks, Acceptance acceptance, Termination termination,
                   List<String> allowedTransitions, long version) {

    /** Why and when formal review last sent the project back. */
    record ReturnView(String reason, LocalDate returnedOn) {
    }

    static ProjectView of(Project p, long version, Actor reader) {
        HistoryEntry returned = p.lastReturn();
        return new ProjectView(p.id(), p.county(), County.ofCode(p.county()).chineseName(), p.proposal().title(),
                p.proposal().programme(), p.proposal().level(), p.proposal().applicant(), p.proposal().requestedAmount(),
                p.proposal().period(), p.proposal().contact(), p.status(), p.year(), p.draftedOn(), p.submittedOn(),
                returned == null ? null : new ReturnView(returned.note(), returned.effectiveOn()),
                reader.isCountyPortal() ? anonymous(p.expertReview()) : p.expertReview(),
                p.approval(), p.rejection(), p.startedOn(), p.midtermChecks(), p.acceptance(), p.termination(),
                p.allowedTransitions(), version);
    }

    /** Review panels are confidential to the applicants: the experts are numbered, not named. */
    private static ExpertReview anonymous(ExpertReview review) {
        if (review == null) {
            return null;
        }
        List<Review> reviews = review.reviews();
        List<Review> numbered = java.util.stream.IntStream.range(0, reviews.size())
                .mapToObj(i -> new Review("expert " + (i + 1), reviews.get(i).score(), reviews.get(i).opinion()))
                .toList();
        return new ExpertReview(numbered, review.aggregateScore(), review.reviewedOn());
    }

    /** A line of a project list. */
    record ProjectSummary(String id, String county, String title, String programme, Level level, String applicantName,
                   Money requestedAmount, Money approvedAmount, ProjectStatus status, int year, LocalDate draftedOn,
                   LocalDate submittedOn, long version) {
        static ProjectSummary of(Project p, long version) {
            return new ProjectSummary(p.id(), p.county(), p.proposal().title(), p.proposal().programme(), p.proposal().level(),
                    p.proposal().applicant().name(), p.proposal().requestedAmount(),
                    p.approval() == null ? null : p.approval().approvedAmount(), p.status(), p.year(), p.draftedOn(),
                    p.submittedOn(), version);
        }
    }

    /** A project's history: every step, who took it, when it was recorded and when it took effect. */
    record ProjectHistory(String projectId, ProjectStatus status, long version, List<HistoryEntry> entries) {
    }
}
