package cn.chenzhou.plan.projects.lifecycle;

import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.Problems;
import cn.chenzhou.plan.projects.lifecycle.model.IllegalTransitionException;
import cn.chenzhou.plan.projects.lifecycle.model.RuleViolationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the domain's typed refusals into problem+json: an illegal transition is a 409 that says which step from
 * which status, a broken rule a 400 naming the field. Ordered before the chassis' catch-all advice.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class LifecycleRefusals {

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ProblemDetail> illegalTransition(IllegalTransitionException e) {
        return respond(ApiException.conflict("illegal-transition", e.getMessage())
                .with("currentStatus", e.currentStatus())
                .with("attemptedTransition", e.attemptedTransition())
                .with("allowedTransitions", e.allowedTransitions()));
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> ruleViolated(RuleViolationException e) {
        return respond(ApiException.invalidField(e.field(), e.reason()));
    }

    private static ResponseEntity<ProblemDetail> respond(ApiException e) {
        ProblemDetail problem = Problems.from(e);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
