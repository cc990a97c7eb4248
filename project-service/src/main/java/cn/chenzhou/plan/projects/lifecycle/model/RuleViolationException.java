package cn.chenzhou.plan.projects.lifecycle.model;

/**
 * A refusal: the step is allowed, but a value given for it breaks a rule of the domain (an approved amount above the
 * requested one, a date before the previous step). Names the field at fault. Nothing was changed.
 */
public class RuleViolationException extends RuntimeException {
    private final String field;
    private final String reason;

    public RuleViolationException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
