package cn.chenzhou.plan.chassis.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details the same way everywhere: a stable type URI, a title, the request id, and the trace
 * id (to find the request's trace in Zipkin and its lines in every service's log).
 */
public final class Problems {
    public static final String TYPE_PREFIX = cn.chenzhou.plan.contracts.ProblemTypes.PREFIX;

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(status.getReasonPhrase());
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        String traceId = MDC.get(RequestIdFilter.TRACE_ID_MDC_KEY);
        if (traceId != null) {
            problem.setProperty("traceId", traceId);
        }
        return problem;
    }

    /**
     * The store did not take or did not answer a command (it is down, out of disk, or timed out): whether the command
     * was applied is unknown to the service too. A retry with the same Idempotency-Key applies it at most once.
     */
    public static ProblemDetail storeUnavailable() {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "the service's store did not answer the"
                + " command; it may or may not have been applied - retry with the same Idempotency-Key, or read the"
                + " resource");
    }

    public static ProblemDetail invalid(List<FieldProblem> errors) {
        FieldProblem first = errors.get(0);
        String detail = errors.size() == 1
                ? first.field() + ": " + first.reason()
                : first.field() + ": " + first.reason() + " (and " + (errors.size() - 1) + " more)";
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-input", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    public static ProblemDetail from(ApiException e) {
        ProblemDetail problem = of(e.status(), e.problemType(), e.getMessage());
        for (Map.Entry<String, Object> p : e.properties().entrySet()) {
            problem.setProperty(p.getKey(), p.getValue());
        }
        return problem;
    }
}
