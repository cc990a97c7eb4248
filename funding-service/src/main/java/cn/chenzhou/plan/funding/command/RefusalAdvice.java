package cn.chenzhou.plan.funding.command;

import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.Problems;
import cn.chenzhou.plan.funding.command.model.Refusal;
import cn.chenzhou.plan.funding.command.model.Refused;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A domain refusal as problem+json: the refusal's type, its detail and its facts (amounts in yuan), with the
 * status its kind calls for. Ordered before the chassis advice, whose catch-all would otherwise answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalAdvice {

    @ExceptionHandler(Refused.class)
    ResponseEntity<ProblemDetail> refused(Refused e) {
        ProblemDetail problem = Problems.from(toApi(e.refusal()));
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    static ApiException toApi(Refusal refusal) {
        ApiException api = switch (refusal.kind()) {
            case INVALID_INPUT -> ApiException.invalidField(refusal.field(), refusal.reason());
            case NOT_FOUND -> new ApiException(HttpStatus.NOT_FOUND, refusal.type(), refusal.detail());
            case CONFLICT -> ApiException.conflict(refusal.type(), refusal.detail());
            case UNPROCESSABLE -> new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, refusal.type(), refusal.detail());
            case FORBIDDEN -> new ApiException(HttpStatus.FORBIDDEN, refusal.type(), refusal.detail());
        };
        refusal.facts().forEach(api::with);
        return api;
    }
}
