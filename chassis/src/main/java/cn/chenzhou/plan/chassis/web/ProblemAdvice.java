package cn.chenzhou.plan.chassis.web;

import cn.chenzhou.plan.chassis.idempotency.CommandAlreadyAppliedException;
import cn.chenzhou.plan.chassis.outbox.AggregateAlreadyExistsException;
import cn.chenzhou.plan.chassis.outbox.ConcurrentUpdateException;
import cn.chenzhou.plan.contracts.Money;
import com.mongodb.MongoException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Every refusal of every service as RFC 9457 problem+json, naming the field and the reason where there is one.
 * Nothing here stores or publishes: a refused request has changed nothing by the time it gets here.
 *
 * <p>It runs last: a service's own advice (mapping its domain refusals) is consulted first, whatever its order,
 * and this one's catch-all answers only what nobody else did.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemAdvice {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return respond(Problems.from(e));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError f : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(f.getField(), f.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
        errors.sort(java.util.Comparator.comparing(FieldProblem::field));
        return respond(Problems.invalid(errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> {
            String name = r.getMethodParameter().getParameterName();
            // a body's fields are named as the client sent them, not prefixed with the Java parameter's name
            boolean body = r.getMethodParameter().hasParameterAnnotation(RequestBody.class);
            for (MessageSourceResolvable error : r.getResolvableErrors()) {
                String field = error instanceof FieldError fe ? (body ? fe.getField() : name + "." + fe.getField()) : name;
                errors.add(new FieldProblem(field, error.getDefaultMessage()));
            }
        });
        if (errors.isEmpty()) {
            errors.add(new FieldProblem("request", e.getReason() == null ? "invalid" : e.getReason()));
        }
        return respond(Problems.invalid(errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> parameterType(MethodArgumentTypeMismatchException e) {
        Class<?> required = e.getRequiredType();
        String reason = required == null ? "has the wrong type" : "must be " + expected(required);
        if (e.getMostSpecificCause() instanceof IsoDateParameters.OutOfRange outOfRange) {
            reason = outOfRange.getMessage();
        }
        return respond(Problems.invalid(List.of(new FieldProblem(e.getName(), reason))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return respond(Problems.invalid(List.of(new FieldProblem(e.getParameterName(), "is required"))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return respond(Problems.invalid(List.of(new FieldProblem(e.getHeaderName(), "header is required"))));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
                return respond(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", tooLarge.getMessage()));
            }
        }
        if (cause instanceof JacksonException jackson) {
            return respond(Problems.invalid(List.of(describe(jackson))));
        }
        return respond(Problems.invalid(List.of(new FieldProblem("body", "a JSON request body is required"))));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "send application/json, not " + e.getContentType()));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(Problems.of(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
                "this resource is available as " + e.getSupportedMediaTypes()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                e.getMethod() + " is not allowed here; allowed: " + Arrays.toString(e.getSupportedMethods())));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", "no resource at /" + e.getResourcePath()));
    }

    @ExceptionHandler(AggregateAlreadyExistsException.class)
    ResponseEntity<ProblemDetail> exists(AggregateAlreadyExistsException e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "already-exists", e.getMessage()));
    }

    @ExceptionHandler(ConcurrentUpdateException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrentUpdateException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "concurrent-update",
                e.aggregateId() + " was changed by someone else at the same time; reload it and try again");
        problem.setProperty("id", e.aggregateId());
        return respond(problem);
    }

    @ExceptionHandler(CommandAlreadyAppliedException.class)
    ResponseEntity<ProblemDetail> alreadyApplied(CommandAlreadyAppliedException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "command-already-applied",
                e.getMessage() + "; its first answer was lost — read the resource to see the result");
        problem.setProperty("id", e.aggregateId());
        return respond(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", e.getMessage()));
    }

    @ExceptionHandler(MongoException.class)
    ResponseEntity<ProblemDetail> store(MongoException e) {
        log.warn("the store failed a command: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.storeUnavailable());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "the request could not be completed; quote the request id when reporting it"));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    static FieldProblem describe(JacksonException e) {
        String path = path(e);
        if (e instanceof RefusedInputException refused) {
            return new FieldProblem(path, refused.reason());
        }
        if (e instanceof StreamReadException read && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith("Duplicate Object property") && read.processor() != null) {
            // the parser stands on the repeated key: its pointer names it, also inside nested objects
            return new FieldProblem(field(read.processor().streamReadContext().pathAsPointer()),
                    "appears more than once in its object: send each field once");
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new FieldProblem(path, "unknown field; known fields are " + u.getKnownPropertyIds());
        }
        if (e instanceof InvalidNullException) {
            return new FieldProblem(path, "must not be null");
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return new FieldProblem(path, "must be one of " + Arrays.toString(f.getTargetType().getEnumConstants()));
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() == Money.class) {
            return new FieldProblem(path, m.getOriginalMessage());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return new FieldProblem(path, "must be " + expected(m.getTargetType()));
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable c = v.getCause();
            return new FieldProblem(path, c == null ? v.getOriginalMessage() : c.getMessage());
        }
        if (e instanceof StreamReadException) {
            return new FieldProblem(path.equals("body") ? "body" : path, "malformed JSON: " + e.getOriginalMessage());
        }
        return new FieldProblem(path, e.getOriginalMessage());
    }

    /** A JSON pointer ({@code /applicant/name}, {@code /reviews/0/expert}) as the refusals name fields. */
    private static String field(JsonPointer pointer) {
        StringBuilder field = new StringBuilder();
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            if (p.mayMatchElement()) {
                field.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(p.getMatchingProperty());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    static String expected(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Money.class) {
            return "an amount in yuan with at most two decimals";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return type == Integer.class || type == int.class || type == Long.class || type == long.class
                    ? "a whole number" : "a number";
        }
        if (type == LocalDate.class) {
            return "an ISO-8601 date (yyyy-MM-dd)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }
}
