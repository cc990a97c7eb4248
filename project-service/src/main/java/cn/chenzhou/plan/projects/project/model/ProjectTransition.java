package cn.chenzhou.plan.projects.project.model;

import static cn.chenzhou.plan.projects.project.model.ProjectStatus.APPROVED;
import static cn.chenzhou.plan.projects.project.model.ProjectStatus.DRAFT;
import static cn.chenzhou.plan.projects.project.model.ProjectStatus.EXPERT_REVIEWED;
import static cn.chenzhou.plan.projects.project.model.ProjectStatus.FORMAL_REVIEW_PASSED;
import static cn.chenzhou.plan.projects.project.model.ProjectStatus.IN_PROGRESS;
import static cn.chenzhou.plan.projects.project.model.ProjectStatus.RETURNED;
import static cn.chenzhou.plan.projects.project.model.ProjectStatus.SUBMITTED;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of a project's life, each allowed only from certain statuses: the whole state machine in one table.
 * A step with no target status ({@link #REVISE}, {@link #MIDTERM_CHECK}) leaves the status as it is.
 */
public enum ProjectTransition {
    DRAFT_PROJECT("draft", "draft", ProjectStatus.DRAFT),
    REVISE("revise", "revise", null, DRAFT, RETURNED),
    SUBMIT("submit", "submit", SUBMITTED, DRAFT, RETURNED),
    PASS_FORMAL_REVIEW("pass-formal-review", "pass the formal review of", FORMAL_REVIEW_PASSED, SUBMITTED),
    RETURN("return", "return", RETURNED, SUBMITTED),
    EXPERT_REVIEW("expert-review", "record the expert review of", EXPERT_REVIEWED, FORMAL_REVIEW_PASSED),
    APPROVE("approve", "approve", APPROVED, EXPERT_REVIEWED),
    REJECT("reject", "reject", ProjectStatus.REJECTED, EXPERT_REVIEWED),
    START("start", "start", IN_PROGRESS, APPROVED),
    MIDTERM_CHECK("midterm-check", "record a mid-term check of", null, IN_PROGRESS),
    ACCEPT("accept", "accept", ProjectStatus.ACCEPTED, IN_PROGRESS),
    TERMINATE("terminate", "terminate", ProjectStatus.TERMINATED, APPROVED, IN_PROGRESS);

    private final String code;
    private final String verb;
    private final ProjectStatus target;
    private final Set<ProjectStatus> from;

    ProjectTransition(String code, String verb, ProjectStatus target, ProjectStatus... from) {
        this.code = code;
        this.verb = verb;
        this.target = target;
        this.from = from.length == 0 ? EnumSet.noneOf(ProjectStatus.class) : EnumSet.copyOf(Arrays.asList(from));
    }

    /** The step's name in the API, in problems and in the history, e.g. {@code pass-formal-review}. */
    public String code() {
        return code;
    }

    /** How the step reads in "cannot … a project that is …". */
    public String verb() {
        return verb;
    }

    public boolean isAllowedFrom(ProjectStatus status) {
        return from.contains(status);
    }

    /** The status after the step, taken from {@code current}. */
    public ProjectStatus targetFrom(ProjectStatus current) {
        return target == null ? current : target;
    }

    /** The codes of every step allowed from a status, in the order of a project's life. */
    public static List<String> allowedFrom(ProjectStatus status) {
        return Arrays.stream(values()).filter(t -> t.isAllowedFrom(status)).map(ProjectTransition::code).toList();
    }

    public static Optional<ProjectTransition> byCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
