package cn.chenzhou.plan.funding.command.model;

import java.util.Map;

/**
 * Why a domain operation said no — the typed counterpart of what happened. Each feature adds its own refusals
 * (over budget, over allocation, …); the web layer turns any refusal into an RFC 9457 problem with its facts.
 */
public interface Refusal {

    /**
     * How a refusal is answered: a conflict with the current state, an unknown resource, bad input, a request the
     * state cannot take, or one this principal may not make.
     */
    enum Kind { CONFLICT, NOT_FOUND, INVALID_INPUT, UNPROCESSABLE, FORBIDDEN }

    Kind kind();

    /** Stable problem type, e.g. {@code over-budget}. */
    String type();

    /** What a finance officer reads. */
    String detail();

    /** Facts a client can act on (e.g. {@code remaining}); amounts as {@code Money}. */
    default Map<String, Object> facts() {
        return Map.of();
    }

    /** The request field at fault, for {@link Kind#INVALID_INPUT}. */
    default String field() {
        return null;
    }

    /** What is wrong with {@link #field()}, for {@link Kind#INVALID_INPUT}. */
    default String reason() {
        return detail();
    }

    static Refused notFound(String what, String id) {
        return new Refused(new NotFound(what, id));
    }

    static Refused invalid(String field, String reason) {
        return new Refused(new InvalidInput(field, reason));
    }

    static Refused conflict(String type, String detail) {
        return new Refused(new Conflict(type, detail, Map.of()));
    }

    /** A resource that does not exist (or that the actor may not know exists). */
    record NotFound(String what, String id) implements Refusal {
        public Kind kind() {
            return Kind.NOT_FOUND;
        }

        public String type() {
            return "not-found";
        }

        public String detail() {
            return what + " " + id + " does not exist";
        }

        public Map<String, Object> facts() {
            return Map.of("resource", what, "id", id);
        }
    }

    /** Input that is well-formed but wrong against the state it meets (a date before the allocation, …). */
    record InvalidInput(String field, String reason) implements Refusal {
        public Kind kind() {
            return Kind.INVALID_INPUT;
        }

        public String type() {
            return "invalid-input";
        }

        public String detail() {
            return field + ": " + reason;
        }
    }

    /** A conflict with the current state that needs no facts beyond its detail. */
    record Conflict(String type, String detail, Map<String, Object> facts) implements Refusal {
        public Kind kind() {
            return Kind.CONFLICT;
        }
    }

    /** An idempotency key reused for a different command: the first command stands, this one is refused. */
    record RequestKeyReused(String key) implements Refusal {
        public Kind kind() {
            return Kind.UNPROCESSABLE;
        }

        public String type() {
            return "idempotency-key-reused";
        }

        public String detail() {
            return "the Idempotency-Key was already used for a different request; use a new key for a new request";
        }
    }
}
