package cn.chenzhou.plan.chassis.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/** A value of a request body that is well-formed JSON of the right type but breaks the {@link InputRules}. */
final class RefusedInputException extends MismatchedInputException {
    private final String reason;

    RefusedInputException(JsonParser parser, String reason, Class<?> type) {
        super(parser, reason, type);
        this.reason = reason;
    }

    /** Why the value was refused; never the value itself. */
    String reason() {
        return reason;
    }
}
