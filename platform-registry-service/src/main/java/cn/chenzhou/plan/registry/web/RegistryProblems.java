package cn.chenzhou.plan.registry.web;

import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.Problems;
import cn.chenzhou.plan.registry.model.Refusal;
import cn.chenzhou.plan.registry.persistence.DuplicateRegistrationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The registry's own refusals as problem+json, the chassis way: a domain {@link Refusal} names the field or the
 * conflict; a duplicate registration is a 409 whose {@code existingId} names the registration already in force.
 * Ordered first: the chassis advice answers every other exception, including these, with a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistryProblems {

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        return respond(toApi(refusal));
    }

    @ExceptionHandler(DuplicateRegistrationException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateRegistrationException e) {
        ApiException conflict = ApiException.conflict("duplicate-registration", e.getMessage())
                .with("resource", e.resource());
        if (e.existingId() != null) {
            conflict.with("existingId", e.existingId());
        }
        return respond(conflict);
    }

    static ApiException toApi(Refusal refusal) {
        return refusal.kind() == Refusal.Kind.INVALID_FIELD
                ? ApiException.invalidField(refusal.field(), refusal.getMessage())
                : ApiException.conflict(refusal.code(), refusal.getMessage());
    }

    private static ResponseEntity<ProblemDetail> respond(ApiException e) {
        ProblemDetail problem = Problems.from(e);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
