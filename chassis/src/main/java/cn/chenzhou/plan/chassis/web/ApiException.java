package cn.chenzhou.plan.chassis.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal an API answers with a problem+json body: its status, a stable problem type, a human detail and
 * any extension members (for example {@code remaining} on an over-budget allocation).
 */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String problemType;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiException(HttpStatus status, String problemType, String detail) {
        super(detail);
        this.status = status;
        this.problemType = problemType;
    }

    public ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String problemType() {
        return problemType;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", what + " " + id + " does not exist")
                .with("resource", what).with("id", id);
    }

    public static ApiException conflict(String problemType, String detail) {
        return new ApiException(HttpStatus.CONFLICT, problemType, detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", detail);
    }

    /** Input that is well-formed but wrong: names the field. */
    public static ApiException invalidField(String field, String reason) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-input", field + ": " + reason)
                .with("errors", java.util.List.of(new FieldProblem(field, reason)));
    }
}
