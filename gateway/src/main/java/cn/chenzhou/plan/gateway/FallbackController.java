package cn.chenzhou.plan.gateway;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
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
 *
 * <p>Only the breakers' own forwards get here: a breaker forwards inside the gateway with the failure it saw as an
 * attribute of the exchange, which nothing a caller sends can set. A caller asking for {@code /fallback/…} itself
 * is told the path does not exist, and nothing of its request is logged. What is logged of a forward — the service
 * named in the route's configuration and the failure — is escaped all the same.
 */
@RestController
class FallbackController {
    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable why = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (why == null) {
            return Problems.write(exchange, HttpStatus.NOT_FOUND, "not-found", "no such resource");
        }
        if (why instanceof CallNotPermittedException) {
            log.debug("{}: circuit open, answered 503", LogText.escape(service));
        } else {
            log.warn("{} failed, answered 503: {}: {}", LogText.escape(service), why.getClass().getName(),
                    LogText.escape(why.getMessage()));
        }
        exchange.getResponse().getHeaders().set("Retry-After", "5");
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                service + " is not answering; the gateway stopped waiting for it. Try again in a few seconds.",
                Map.of("service", service));
    }
}
