package cn.chenzhou.plan.sdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An RFC 9457 problem the platform answered with: what went wrong, for which field, and the request id to quote.
 *
 * @param errors     the fields a 400 names, each with its reason
 * @param extensions every other member of the body (e.g. {@code remaining} on an over-budget allocation,
 *                   {@code existingId} on a duplicate registration)
 */
public record Problem(String type, String title, int status, String detail, String requestId,
                      List<FieldError> errors, Map<String, Object> extensions) {
    static final String TYPE_PREFIX = cn.chenzhou.plan.contracts.ProblemTypes.PREFIX;
    private static final Set<String> STANDARD = Set.of("type", "title", "status", "detail", "instance", "requestId", "errors");

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        extensions = extensions == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public record FieldError(String field, String reason) {
    }

    /** The short problem type, e.g. {@code invalid-input} for {@code urn:cn.chenzhou.plan:problem:invalid-input}. */
    public String shortType() {
        return type == null ? "" : type.substring(type.lastIndexOf(':') + 1);
    }

    /** An extension member as text, e.g. {@code extension("existingId")}; null if absent. */
    public String extension(String name) {
        Object value = extensions.get(name);
        return value == null ? null : String.valueOf(value);
    }

    /** A problem the SDK itself reports (the platform unreachable, its own circuit breaker open, …). */
    static Problem local(String shortType, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + shortType, title, status, detail, null, List.of(), Map.of());
    }

    /**
     * Reads a problem+json body; a body that is not one (a proxy's HTML page, an empty 502) still becomes a problem
     * with the status, the reason phrase and the body as its detail.
     *
     * @param requestId the response's {@code X-Request-Id}, used when the body carries none
     */
    static Problem parse(int status, String reason, String body, String requestId, JsonMapper json) {
        String text = body == null ? "" : body;
        JsonNode node;
        try {
            node = text.isBlank() ? null : json.readTree(text);
        } catch (RuntimeException notJson) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            return new Problem("about:blank", reason, status, text.isBlank() ? reason : text, requestId, List.of(), Map.of());
        }
        List<FieldError> errors = new ArrayList<>();
        node.path("errors").forEach(f -> errors.add(new FieldError(f.path("field").asString(null), f.path("reason").asString(null))));
        Map<String, Object> extensions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (!STANDARD.contains(member.getKey())) {
                extensions.put(member.getKey(), json.treeToValue(member.getValue(), Object.class));
            }
        }
        return new Problem(node.path("type").asString("about:blank"), node.path("title").asString(reason),
                node.path("status").asInt(status), node.path("detail").asString(text),
                node.path("requestId").asString(requestId), errors, extensions);
    }
}
