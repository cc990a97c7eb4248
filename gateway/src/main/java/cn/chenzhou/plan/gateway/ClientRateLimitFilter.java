package cn.chenzhou.plan.gateway;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.security.Principal;
import java.time.Duration;
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
 * A budget of requests per period for each client (the token's subject), so that one county portal stuck in a
 * loop cannot starve the others: past its budget a client gets 429 problem+json with {@code Retry-After}.
 */
@Component
class ClientRateLimitFilter implements GlobalFilter, Ordered {
    private final RateLimiterRegistry limiters;
    private final Map<String, RateLimiterConfig> overrides = new java.util.HashMap<>();

    /**
     * @param overrides per-client budgets, {@code client=requests,client=requests} (same period), e.g. a tighter one
     *                  for a client known to misbehave
     */
    ClientRateLimitFilter(@Value("${platform.rate-limit.requests-per-period}") int requestsPerPeriod,
                          @Value("${platform.rate-limit.period}") Duration period,
                          @Value("${platform.rate-limit.overrides:}") String overrides) {
        this.limiters = RateLimiterRegistry.of(budget(requestsPerPeriod, period));
        for (String entry : overrides.split(",")) {
            String[] parts = entry.trim().split("=");
            if (parts.length == 2) {
                this.overrides.put(parts[0].trim(), budget(Integer.parseInt(parts[1].trim()), period));
            }
        }
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
            if (limiter.acquirePermission()) {
                return chain.filter(exchange);
            }
            long waitNanos = limiter instanceof AtomicRateLimiter atomic
                    ? Math.max(atomic.getDetailedMetrics().getNanosToWait(), 1) : 1_000_000_000L;
            long retryAfter = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(retryAfter));
            return Problems.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    client + " sent more than its share of requests; retry after " + retryAfter + " s",
                    Map.of("retryAfterSeconds", retryAfter));
        });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
