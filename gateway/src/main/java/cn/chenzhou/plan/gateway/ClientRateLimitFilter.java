package cn.chenzhou.plan.gateway;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.Principal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What one client (the token's subject) may ask of the platform, so that one county portal stuck in a loop cannot
 * starve the others: a budget of requests per period, and a number of requests in flight at once — without the
 * second, one client holding many long requests (waits, exports, event streams) could fill a service's bulkhead by
 * itself. Past either, the client gets 429 problem+json with {@code Retry-After}; the request never reaches a route,
 * so it is never counted against a service's circuit breaker.
 */
@Component
class ClientRateLimitFilter implements GlobalFilter, Ordered {
    private final RateLimiterRegistry limiters;
    private final BulkheadRegistry inFlight;
    private final Map<String, RateLimiterConfig> overrides = new HashMap<>();
    private final Counter overBudget;
    private final Counter tooManyInFlight;

    /**
     * @param overrides per-client budgets, {@code client=requests,client=requests} (same period), e.g. a tighter one
     *                  for a client known to misbehave
     */
    ClientRateLimitFilter(@Value("${platform.rate-limit.requests-per-period}") int requestsPerPeriod,
                          @Value("${platform.rate-limit.period}") Duration period,
                          @Value("${platform.rate-limit.overrides:}") String overrides,
                          @Value("${platform.rate-limit.max-in-flight}") int maxInFlight,
                          MeterRegistry meters) {
        this.overBudget = refusals(meters, "budget");
        this.tooManyInFlight = refusals(meters, "in_flight");
        this.limiters = RateLimiterRegistry.of(budget(requestsPerPeriod, period));
        this.inFlight = BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(maxInFlight)
                .maxWaitDuration(Duration.ZERO).build());
        for (String entry : overrides.split(",")) {
            String[] parts = entry.trim().split("=");
            if (parts.length == 2) {
                this.overrides.put(parts[0].trim(), budget(Integer.parseInt(parts[1].trim()), period));
            }
        }
    }

    /** {@code platform_gateway_refusals_total{reason}}: requests answered 429 before reaching a route. */
    private static Counter refusals(MeterRegistry meters, String reason) {
        return Counter.builder("platform.gateway.refusals").tag("reason", reason)
                .description("requests refused 429 at the gateway: over the client's budget, or too many in flight")
                .register(meters);
    }

    private static RateLimiterConfig budget(int requests, Duration period) {
        return RateLimiterConfig.custom().limitForPeriod(requests).limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO).build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal().map(Principal::getName).defaultIfEmpty("anonymous").flatMap(client -> {
            RateLimiter limiter = overrides.containsKey(client)
                    ? limiters.rateLimiter(client, overrides.get(client)) : limiters.rateLimiter(client);
            if (!limiter.acquirePermission()) {
                long waitNanos = limiter instanceof AtomicRateLimiter atomic
                        ? Math.max(atomic.getDetailedMetrics().getNanosToWait(), 1) : 1_000_000_000L;
                long retryAfter = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
                overBudget.increment();
                RateLimiterConfig budget = limiter.getRateLimiterConfig();
                return refuse(exchange, retryAfter, client + " sent more than its share of requests ("
                        + budget.getLimitForPeriod() + " each " + budget.getLimitRefreshPeriod().toMillis() + " ms); retry after "
                        + retryAfter + " s");
            }
            Bulkhead running = inFlight.bulkhead(client);
            if (!running.tryAcquirePermission()) {
                tooManyInFlight.increment();
                return refuse(exchange, 1, client + " already has " + running.getBulkheadConfig().getMaxConcurrentCalls()
                        + " requests in flight; retry after one of them is answered");
            }
            return chain.filter(exchange).doFinally(signal -> running.onComplete());
        });
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, long retryAfterSeconds, String detail) {
        exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(retryAfterSeconds));
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", detail,
                Map.of("retryAfterSeconds", retryAfterSeconds));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
