package cn.chenzhou.plan.projects.project.model;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.projects.lifecycle.model.HistoryEntry;
import cn.chenzhou.plan.projects.lifecycle.model.IllegalTransitionException;
import cn.chenzhou.plan.projects.lifecycle.model.RuleViolationException;
import cn.chenzhou.plan.projects.lifecycle.model.Step;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An S&T project (科技项目) of a county, from its draft to its acceptance or termination. Immutable: every step
 * returns the project as it is afterwards, with the step appended to its {@link #history()} — the record of what
 * happened, who did it and when — or refuses with an {@link IllegalTransitionException} (not allowed from this
 * status) or a {@link RuleViolationException} (a value breaks a rule). Plain Java: no framework, no persistence.
 *
 * @param year the application year: the year of its first submission (of its drafting while never submitted)
 */
public record Project(
        String id,
        String county,
        Proposal proposal,
        ProjectStatus status,
        int year,
        LocalDate draftedOn,
        LocalDate submittedOn,
        ExpertReview expertReview,
        Approval approval,
        Rejection rejection,
        LocalDate startedOn,
        List<MidtermCheck> midtermChecks,
        Acceptance acceptance,
        Termination termination,
        List<HistoryEntry> history) {

    private static final String SUBJECT = "a project";

    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(draftedOn, "draftedOn");
        midtermChecks = midtermChecks == null ? List.of() : List.copyOf(midtermChecks);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A county drafts (起草) a new project. */
    public static Project draft(String id, String county, Proposal proposal, Step step) {
        HistoryEntry drafted = HistoryEntry.of(ProjectTransition.DRAFT_PROJECT.code(), null, ProjectStatus.DRAFT, step, null);
        return new Project(id, county, proposal, ProjectStatus.DRAFT, step.effectiveOn().getYear(), step.effectiveOn(),
                null, null, null, null, null, List.of(), null, null, List.of(drafted));
    }

    /** The county revises the application of a draft, or of a project returned for correction. */
    public Project revise(Proposal revised, Step step) {
        return take(ProjectTransition.REVISE, step, "revisedOn", null, p -> p.proposal = revised);
    }

    /** The county submits (申报) the project, or submits it again after correcting it. */
    public Project submit(Step step) {
        boolean first = submittedOn == null;
        return take(ProjectTransition.SUBMIT, step, "submittedOn", null, p -> {
            p.submittedOn = step.effectiveOn();
            p.year = first ? step.effectiveOn().getYear() : year;
        });
    }

    /** Formal review (形式审查) finds the application complete and in order. */
    public Project passFormalReview(Step step) {
        return take(ProjectTransition.PASS_FORMAL_REVIEW, step, "reviewedOn", null, p -> { });
    }

    /** Formal review returns the application to the county for correction (退回修改). */
    public Project returnForCorrection(String reason, Step step) {
        return take(ProjectTransition.RETURN, step, "reviewedOn", reason, p -> { });
    }

    /** The experts' panel (专家评审) scored the project. */
    public Project recordExpertReview(List<Review> reviews, Step step) {
        return take(ProjectTransition.EXPERT_REVIEW, step, "reviewedOn", null,
                p -> p.expertReview = ExpertReview.of(reviews, step.effectiveOn()));
    }

    /** The plan office approves (立项) the project with an amount no larger than requested and a task contract. */
    public Project approve(Money approvedAmount, String taskContractNo, Step step) {
        return take(ProjectTransition.APPROVE, step, "approvedOn", taskContractNo, p -> {
            if (!approvedAmount.isPositive()) {
                throw new RuleViolationException("approvedAmount", "must be more than zero");
            }
            if (approvedAmount.exceeds(proposal.requestedAmount())) {
                throw new RuleViolationException("approvedAmount", "must not exceed the requested amount "
                        + proposal.requestedAmount().toYuanString());
            }
            p.approval = new Approval(approvedAmount, taskContractNo, step.effectiveOn());
        });
    }

    /** The plan office decides not to approve the project (不予立项). */
    public Project reject(String reason, Step step) {
        return take(ProjectTransition.REJECT, step, "rejectedOn", reason,
                p -> p.rejection = new Rejection(reason, step.effectiveOn()));
    }

    /** Work on the approved project begins (开始实施). */
    public Project start(Step step) {
        return take(ProjectTransition.START, step, "startedOn", null, p -> p.startedOn = step.effectiveOn());
    }

    /** A mid-term check (中期检查) of the project in progress; a project may be checked more than once. */
    public Project recordMidtermCheck(MidtermResult result, String opinion, Step step) {
        return take(ProjectTransition.MIDTERM_CHECK, step, "checkedOn", result.name(), p -> {
            List<MidtermCheck> checks = new ArrayList<>(midtermChecks);
            checks.add(new MidtermCheck(result, opinion, step.effectiveOn()));
            p.midtermChecks = checks;
        });
    }

    /** The project passes acceptance (验收/结题): completed. */
    public Project accept(AcceptanceConclusion conclusion, String result, Step step) {
        return take(ProjectTransition.ACCEPT, step, "acceptedOn", conclusion.name(),
                p -> p.acceptance = new Acceptance(conclusion, result, step.effectiveOn()));
    }

    /** The project is stopped (终止), approved but never started or while in progress. */
    public Project terminate(String reason, Step step) {
        return take(ProjectTransition.TERMINATE, step, "terminatedOn", reason,
                p -> p.termination = new Termination(reason, step.effectiveOn()));
    }

    /** The codes of the steps allowed now. */
    public List<String> allowedTransitions() {
        return ProjectTransition.allowedFrom(status);
    }

    /** The step that made the project what it is. */
    public HistoryEntry lastStep() {
        return history.get(history.size() - 1);
    }

    /** The latest return for correction, if the project was ever returned: what the county had to correct. */
    public HistoryEntry lastReturn() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).action().equals(ProjectTransition.RETURN.code())) {
                return history.get(i);
            }
        }
        return null;
    }

    private Project take(ProjectTransition transition, Step step, String dateField, String note, Consumer<Next> change) {
        if (!transition.isAllowedFrom(status)) {
            throw new IllegalTransitionException(SUBJECT, transition.verb(), transition.code(), status,
                    allowedTransitions(), null);
        }
        LocalDate previous = lastStep().effectiveOn();
        if (step.effectiveOn().isBefore(previous)) {
            throw new RuleViolationException(dateField, "must not be before " + previous
                    + ", the date of the project's previous step (" + lastStep().action() + ")");
        }
        Next next = new Next(this);
        change.accept(next);
        ProjectStatus target = transition.targetFrom(status);
        next.status = target;
        List<HistoryEntry> entries = new ArrayList<>(history);
        entries.add(HistoryEntry.of(transition.code(), status, target, step, note));
        next.history = entries;
        return next.build();
    }

    /** The project being changed by a step: a mutable copy that only lives inside {@link #take}. */
    private static final class Next {
        private final String id;
        private final String county;
        private Proposal proposal;
        private ProjectStatus status;
        private int year;
        private final LocalDate draftedOn;
        private LocalDate submittedOn;
        private ExpertReview expertReview;
        private Approval approval;
        private Rejection rejection;
        private LocalDate startedOn;
        private List<MidtermCheck> midtermChecks;
        private Acceptance acceptance;
        private Termination termination;
        private List<HistoryEntry> history;

        private Next(Project p) {
            id = p.id;
            county = p.county;
            proposal = p.proposal;
            status = p.status;
            year = p.year;
            draftedOn = p.draftedOn;
            submittedOn = p.submittedOn;
            expertReview = p.expertReview;
            approval = p.approval;
            rejection = p.rejection;
            startedOn = p.startedOn;
            midtermChecks = p.midtermChecks;
            acceptance = p.acceptance;
            termination = p.termination;
            history = p.history;
        }

        private Project build() {
            return new Project(id, county, proposal, status, year, draftedOn, submittedOn, expertReview, approval,
                    rejection, startedOn, midtermChecks, acceptance, termination, history);
        }
    }
}
