package cn.chenzhou.plan.sdk;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem the platform answered with: what went wrong, for which field, and the request id to quote.
 *
 * @param extensions every other member of the body (e.g. {@code remaining} on an over-budget allocation)
 */
public record Problem(String type, String title, int status, String detail, String requestId,
                      List<FieldError> errors, Map<String, Object> extensions) {

    public record FieldError(String field, String reason) {
    }

    /** The short problem type, e.g. {@code invalid-input} for {@code urn:cn.chenzhou.plan:problem:invalid-input}. */
    public String shortType() {
        return type == null ? "" : type.substring(type.lastIndexOf(':') + 1);
    }
}
