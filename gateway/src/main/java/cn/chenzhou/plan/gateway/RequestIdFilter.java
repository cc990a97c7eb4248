package cn.chenzhou.plan.gateway;

import io.micrometer.context.ContextRegistry;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Gives every request an {@code X-Request-Id} before anything else runs (keeping a well-formed one the caller
 * sent, else the request's trace id), passes it to the service, returns it to the caller, and puts it in the Reactor
 * context — from where context propagation copies it into the logging MDC — so every gateway log line about the
 * request shows it. The trace id itself (the request's trace, started or continued by WebFlux's observation before any
 * filter runs) is kept for the gateway's own problem answers.
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {
    static final String HEADER = "X-Request-Id";
    static final String KEY = "requestId";
    private static final String TRACE_ID = RequestIdFilter.class.getName() + ".traceId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(KEY,
                () -> MDC.get(KEY), value -> MDC.put(KEY, value), () -> MDC.remove(KEY));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String traceId = traceIdOf(exchange);
        if (traceId != null) {
            exchange.getAttributes().put(TRACE_ID, traceId);
        }
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = given != null && ACCEPTABLE.matcher(given).matches() ? given
                : traceId != null ? traceId : UUID.randomUUID().toString();
        ServerHttpRequest request = exchange.getRequest().mutate().headers(h -> h.set(HEADER, requestId)).build();
        exchange.getResponse().getHeaders().set(HEADER, requestId);
        // the proxied service sends its copy back: replace rather than add, so the caller sees one header
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(request).build())
                .contextWrite(Context.of(KEY, requestId));
    }

    /** The id of the request's trace, or null when it has none (tracing off). */
    static String traceId(ServerWebExchange exchange) {
        return exchange.getAttribute(TRACE_ID);
    }

    private static String traceIdOf(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(span -> span.context().traceId())
                .orElse(null);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
