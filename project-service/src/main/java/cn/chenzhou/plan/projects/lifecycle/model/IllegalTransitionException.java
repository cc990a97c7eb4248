package cn.chenzhou.plan.projects.lifecycle.model;

import java.util.List;

/**
 * A refusal: this step is not allowed from the aggregate's current status ("cannot approve a project that is DRAFT").
 * Nothing was changed.
 */
public class IllegalTransitionException extends RuntimeException {
    private final String attemptedTransition;
    private final String currentStatus;
    private final List<String> allowedTransitions;

    /**
     * @param subject            the aggregate with its article, e.g. "a project"
     * @param verb               how the step reads in a sentence, e.g. "approve"
     * @param attemptedTransition the step's code, e.g. {@code approve}
     * @param currentStatus      where the aggregate stands
     * @param allowedTransitions the codes of the steps that are allowed from there
     * @param why                an extra reason, or null
     */
    public IllegalTransitionException(String subject, String verb, String attemptedTransition, Enum<?> currentStatus,
                                      List<String> allowedTransitions, String why) {
        super("cannot " + verb + " " + subject + " that is " + currentStatus.name() + (why == null ? "" : ": " + why));
        this.attemptedTransition = attemptedTransition;
        this.currentStatus = currentStatus.name();
        this.allowedTransitions = List.copyOf(allowedTransitions);
    }

    public String attemptedTransition() {
        return attemptedTransition;
    }

    public String currentStatus() {
        return currentStatus;
    }

    public List<String> allowedTransitions() {
        return allowedTransitions;
    }
}
