package cn.chenzhou.plan.gateway;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a circuit breaker sends a request whose service is down, slow or failing: a fast 503 problem+json
 * instead of a hang, while the breaker lets a few probes through until the service is back.
 */
@RestController
class FallbackController {
    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable why = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (why instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException) {
            log.debug("{}: circuit open, answered 503", service);
        } else {
            log.warn("{} failed, answered 503: {}", service, String.valueOf(why));
        }
        exchange.getResponse().getHeaders().set("Retry-After", "5");
        return Problems.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                service + " is not answering; the gateway stopped waiting for it. Try again in a few seconds.",
                Map.of("service", service));
    }
}
