package cn.chenzhou.plan.registry.model;

/**
 * A command the registry will not carry out, and why: either the input is wrong (it names the field), or the
 * registration is not in a state where this can happen (a conflict with a stable code). Nothing was changed.
 */
public final class Refusal extends RuntimeException {

    /** Whether the client sent something wrong or asked for something the current state does not allow. */
    public enum Kind { INVALID_FIELD, CONFLICT }

    private final Kind kind;
    private final String code;
    private final String field;

    private Refusal(Kind kind, String code, String field, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    /** The value of {@code field} is wrong for this registration, e.g. a date in the future or before registration. */
    public static Refusal invalid(String field, String reason) {
        return new Refusal(Kind.INVALID_FIELD, "invalid-input", field, reason);
    }

    /** The registration's current state does not allow this, e.g. accrediting a revoked platform. */
    public static Refusal conflict(String code, String detail) {
        return new Refusal(Kind.CONFLICT, code, null, detail);
    }

    public Kind kind() {
        return kind;
    }

    /** A stable problem code, e.g. {@code platform-revoked}. */
    public String code() {
        return code;
    }

    /** The field at fault, for {@link Kind#INVALID_FIELD}; null otherwise. */
    public String field() {
        return field;
    }
}
