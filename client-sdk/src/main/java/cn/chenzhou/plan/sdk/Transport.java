package cn.chenzhou.plan.sdk;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One call to the platform, made safe to repeat: a fresh token when needed, an {@code Idempotency-Key} on every
 * command (the same key on each retry, so the platform applies it once), retries with backoff on transient
 * failures, the server's {@code Retry-After} honoured on 429 and 503, and a circuit breaker per service so a caller
 * stops hammering a service that is down. Refusals come back as {@link PlatformApiException}s.
 */
final class Transport {
    private final HttpClient http;
    private final URI gateway;
    private final TokenSource tokens;
    private final JsonMapper json;
    private final PlatformClient.Settings settings;
    private final CircuitBreakerRegistry breakers;

    Transport(HttpClient http, URI gateway, TokenSource tokens, JsonMapper json, PlatformClient.Settings settings) {
        this.http = http;
        this.gateway = gateway;
        this.tokens = tokens;
        this.json = json;
        this.settings = settings;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(e -> e instanceof TransientFailure)
                .build());
    }

    /** The response body of a successful call (empty string for 204). */
    byte[] call(String method, String path, Object body, String idempotencyKey) {
        boolean command = !method.equals("GET");
        String key = command ? (idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString()) : null;
        String payload = body == null ? null : (body instanceof String s ? s : json.writeValueAsString(body));
        CircuitBreaker breaker = breakers.circuitBreaker(serviceOf(path));
        Retry retry = Retry.of(path, RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(e -> e instanceof TransientFailure)
                .intervalBiFunction((attempt, outcome) -> wait(attempt, outcome.isLeft() ? outcome.getLeft() : null))
                .build());
        java.util.concurrent.atomic.AtomicReference<TransientFailure> lastSent = new java.util.concurrent.atomic.AtomicReference<>();
        Supplier<byte[]> attempt = () -> {
            try {
                return once(method, path, payload, key);
            } catch (TransientFailure failure) {
                lastSent.set(failure);
                throw failure;
            }
        };
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, attempt)).get();
        } catch (TransientFailure e) {
            throw e.failure();
        } catch (CallNotPermittedException e) {
            if (lastSent.get() != null) {
                // an earlier attempt did reach the platform: the command may have been applied — say what it answered
                throw lastSent.get().failure();
            }
            throw new PlatformApiException.Unavailable(new Problem("urn:cn.chenzhou.plan:problem:circuit-open",
                    "Service Unavailable", 503, serviceOf(path) + " failed repeatedly; the client's circuit breaker is open"
                    + " for " + settings.breakerOpenFor().toSeconds() + " s", null, List.of(), Map.of()));
        }
    }

    private byte[] once(String method, String path, String payload, String key) {
        MutableHttpRequest<String> request = HttpRequest.<String>create(io.micronaut.http.HttpMethod.valueOf(method),
                        gateway.resolve(path).toString())
                .header("Authorization", "Bearer " + tokens.token())
                .header("X-Request-Id", UUID.randomUUID().toString())
                .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of("application/problem+json"), MediaType.ALL_TYPE);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (payload != null) {
            request.body(payload).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        try {
            HttpResponse<byte[]> response = http.toBlocking().exchange(request, byte[].class);
            return response.getBody().orElse(new byte[0]);
        } catch (HttpClientResponseException e) {
            int status = e.getStatus().getCode();
            Problem problem = problem(e);
            PlatformApiException failure = PlatformApiException.of(problem);
            if (status == 401 && !problem.shortType().equals("forbidden")) {
                tokens.invalidate();
                throw new TransientFailure(failure, null);
            }
            // the same command is still running on the platform (e.g. our first attempt, whose answer we lost)
            boolean stillRunning = status == 409 && problem.shortType().equals("idempotency-key-in-progress");
            if (status == 429 || status == 502 || status == 503 || status == 504 || stillRunning) {
                throw new TransientFailure(failure, retryAfter(e));
            }
            throw failure;
        } catch (HttpClientException e) {
            throw new TransientFailure(new PlatformApiException.Unavailable(new Problem(
                    "urn:cn.chenzhou.plan:problem:unreachable", "Service Unavailable", 503,
                    "the platform could not be reached: " + e.getMessage(), null, List.of(), Map.of())), null);
        }
    }

    private long wait(int attempt, Throwable failure) {
        if (failure instanceof TransientFailure t && t.retryAfter() != null) {
            return Math.min(t.retryAfter().toMillis(), settings.maxRetryAfter().toMillis());
        }
        long backoff = settings.initialBackoff().toMillis() * (1L << Math.min(attempt - 1, 6));
        return Math.min(backoff, settings.maxRetryAfter().toMillis());
    }

    private static Duration retryAfter(HttpClientResponseException e) {
        return e.getResponse().getHeaders().getFirst("Retry-After").flatMap(v -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
            } catch (NumberFormatException nfe) {
                return java.util.Optional.empty();
            }
        }).orElse(null);
    }

    private Problem problem(HttpClientResponseException e) {
        int status = e.getStatus().getCode();
        String body = e.getResponse().getBody(String.class).orElse("");
        try {
            JsonNode node = json.readTree(body);
            List<Problem.FieldError> errors = new ArrayList<>();
            if (node.has("errors")) {
                node.get("errors").forEach(f -> errors.add(new Problem.FieldError(f.path("field").asString(), f.path("reason").asString())));
            }
            Map<String, Object> extensions = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (!List.of("type", "title", "status", "detail", "instance", "requestId", "errors").contains(member.getKey())) {
                    extensions.put(member.getKey(), json.treeToValue(member.getValue(), Object.class));
                }
            }
            return new Problem(node.path("type").asString("about:blank"), node.path("title").asString(e.getStatus().getReason()),
                    status, node.path("detail").asString(body), node.path("requestId").asString(null), errors, extensions);
        } catch (RuntimeException notJson) {
            return new Problem("about:blank", e.getStatus().getReason(), status, body, null, List.of(), Map.of());
        }
    }

    static String serviceOf(String path) {
        String[] parts = path.split("/");
        return parts.length > 2 ? parts[2] : path;
    }

    /** A failure worth another attempt (with the same idempotency key); carries what to throw if none is left. */
    static final class TransientFailure extends RuntimeException {
        private final PlatformApiException failure;
        private final Duration retryAfter;

        TransientFailure(PlatformApiException failure, Duration retryAfter) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
            this.retryAfter = retryAfter;
        }

        PlatformApiException failure() {
            return failure;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }
}
