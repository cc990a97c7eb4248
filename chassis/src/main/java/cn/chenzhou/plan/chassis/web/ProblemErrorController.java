package cn.chenzhou.plan.chassis.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page, as problem+json instead of Spring Boot's own JSON: what fails outside the
 * controllers (in a filter, say) and is sent to {@code /error} is answered in the same shape as every other refusal,
 * with a fixed detail (nothing of the request or the failure is echoed). {@code /error} asked for directly is no
 * resource.
 */
@RestController
@Hidden // the container's, not an operation of the API
final class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c ? HttpStatus.resolve(c) : null;
        ProblemDetail problem;
        if (status == null || !status.isError()) {
            problem = Problems.of(HttpStatus.NOT_FOUND, "not-found", "no resource at " + request.getRequestURI());
        } else if (status.is4xxClientError()) {
            problem = Problems.of(status, "bad-request", "the request was refused: " + status.getReasonPhrase());
        } else {
            problem = Problems.of(status, "internal-error",
                    "the request could not be completed; quote the request id when reporting it");
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
