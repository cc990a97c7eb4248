package cn.chenzhou.plan.sdk;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * One call to the platform, made safe to repeat: a fresh token when needed, an {@code Idempotency-Key} on every
 * command (the same key on each retry, so the platform applies it once), retries with backoff on transient
 * failures, the server's {@code Retry-After} honoured on 429 and 503, and a circuit breaker per service so a caller
 * stops hammering a service that is down. Refusals come back as {@link PlatformApiException}s.
 *
 * <p>Only a failure of the service itself (502/503/504, unreachable) counts against its circuit breaker: a 429 is
 * this client's own budget, a 409 "still in progress" is our own earlier attempt, a 401 an expired token — each is
 * waited out and retried without judging the service.
 */
final class Transport {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final String REQUEST_ID = "X-Request-Id";

    private final HttpClient http;
    private final URI gateway;
    private final TokenSource tokens;
    private final JsonMapper json;
    private final PlatformClient.Settings settings;
    private final RetryPolicy policy;
    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final PlatformClient.CallListener listener;
    private final Clock clock = Clock.systemUTC();

    /** A successful answer: its status, body (empty for 204), and whether the platform replayed an earlier answer. */
    record Reply(int status, byte[] body, boolean replayed) {
    }

    Transport(HttpClient http, URI gateway, TokenSource tokens, JsonMapper json, PlatformClient.Settings settings,
              PlatformClient.CallListener listener) {
        this.listener = listener;
        this.http = http;
        this.gateway = gateway;
        this.tokens = tokens;
        this.json = json;
        this.settings = settings;
        this.policy = RetryPolicy.of(settings);
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(e -> e instanceof TransientFailure t && t.kind() == Kind.SERVICE_FAILED)
                .ignoreException(e -> e instanceof TransientFailure t && t.kind() != Kind.SERVICE_FAILED)
                .build());
        this.retries = RetryRegistry.of(RetryConfig.<Reply>custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(e -> e instanceof TransientFailure)
                .intervalBiFunction((attempts, outcome) -> policy.waitBefore(attempts,
                        outcome.isLeft() && outcome.getLeft() instanceof TransientFailure t ? t.retryAfter() : null).toMillis())
                .build());
    }

    /** The circuit breaker of a service ({@code projects}, {@code funding}, {@code registry}, {@code reports}). */
    CircuitBreaker breaker(String service) {
        return breakers.circuitBreaker(service);
    }

    /** Sent as the key of a command that must go without one (see {@link PlatformClient#postIdempotentByNature}). */
    static final String NO_KEY = "";

    Reply call(String method, String path, Object body, String idempotencyKey) {
        boolean command = !method.equals("GET");
        String key = !command || NO_KEY.equals(idempotencyKey) ? null
                : idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
        String payload = body == null ? null : (body instanceof String s ? s : json.writeValueAsString(body));
        // one request id for the call, whatever the number of attempts: the logs of every attempt line up
        String requestId = UUID.randomUUID().toString();
        String service = serviceOf(path);
        CircuitBreaker breaker = breakers.circuitBreaker(service);
        Retry retry = retries.retry(service);
        // the last failure of an attempt that reached the platform: if the breaker opens in the middle of the
        // retries, the caller learns what the platform said — the command may have been applied — not "circuit open"
        AtomicReference<TransientFailure> lastSent = new AtomicReference<>();
        Supplier<Reply> attempt = () -> {
            try {
                return once(method, path, payload, key, requestId);
            } catch (TransientFailure failure) {
                lastSent.set(failure);
                throw failure;
            }
        };
        try {
            Reply reply = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, attempt)).get();
            listener.answered(method, path, reply.status(), reply.replayed());
            return reply;
        } catch (TransientFailure e) {
            throw e.failure();
        } catch (CallNotPermittedException e) {
            if (lastSent.get() != null) {
                throw lastSent.get().failure();
            }
            throw new PlatformApiException.Unavailable(Problem.local("circuit-open", "Service Unavailable", 503,
                    service + " failed repeatedly; this client's circuit breaker for it is open and lets a call"
                            + " through again after " + settings.breakerOpenFor().toSeconds() + " s"));
        }
    }

    private Reply once(String method, String path, String payload, String key, String requestId) {
        String token;
        try {
            token = tokens.token();
        } catch (HttpClientException unreachable) {
            throw new TransientFailure(Kind.AUTH_UNREACHABLE, new PlatformApiException.Unavailable(Problem.local(
                    "auth-unreachable", "Service Unavailable", 503,
                    "the authorization server could not be reached: " + unreachable.getMessage())), null);
        }
        MutableHttpRequest<String> request = HttpRequest.<String>create(HttpMethod.valueOf(method), gateway.resolve(path).toString())
                .header("Authorization", "Bearer " + token)
                .header(REQUEST_ID, requestId)
                .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of("application/problem+json"), MediaType.ALL_TYPE);
        if (key != null) {
            request.header(IDEMPOTENCY_KEY, key);
        }
        if (payload != null) {
            request.body(payload).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        try {
            HttpResponse<byte[]> response = http.toBlocking().exchange(request, byte[].class);
            return new Reply(response.getStatus().getCode(), response.getBody().orElse(new byte[0]),
                    "true".equalsIgnoreCase(response.getHeaders().get(REPLAYED)));
        } catch (HttpClientResponseException e) {
            throw refusal(e);
        } catch (HttpClientException e) {
            // connection refused, reset, read timeout: nothing or something was done — the same key makes either safe
            throw new TransientFailure(Kind.SERVICE_FAILED, new PlatformApiException.Unavailable(Problem.local(
                    "unreachable", "Service Unavailable", 503, "the platform could not be reached: " + e.getMessage())), null);
        }
    }

    private RuntimeException refusal(HttpClientResponseException e) {
        int status = e.getStatus().getCode();
        Problem problem = Problem.parse(status, e.getStatus().getReason(), e.getResponse().getBody(String.class).orElse(""),
                e.getResponse().getHeaders().get(REQUEST_ID), json);
        PlatformApiException failure = PlatformApiException.of(problem);
        Duration retryAfter = RetryPolicy.parseRetryAfter(e.getResponse().getHeaders().get("Retry-After"), clock);
        if (status == 401 && !problem.shortType().equals("token-refused")) {
            tokens.invalidate();
            return new TransientFailure(Kind.TOKEN_EXPIRED, failure, null);
        }
        if (status == 429) {
            return new TransientFailure(Kind.THROTTLED, failure, retryAfter);
        }
        if (status == 409 && problem.shortType().equals("idempotency-key-in-progress")) {
            // our own earlier attempt (whose answer we lost) is still running on the platform: wait for its answer
            return new TransientFailure(Kind.STILL_RUNNING, failure, retryAfter);
        }
        if (status == 502 || status == 503 || status == 504) {
            return new TransientFailure(Kind.SERVICE_FAILED, failure, retryAfter);
        }
        return failure;
    }

    /** The service a path belongs to: {@code /api/funding/…} → {@code funding}. */
    static String serviceOf(String path) {
        String[] parts = path.split("[/?]");
        return parts.length > 2 ? parts[2] : path;
    }

    enum Kind {
        /** the service (or the way to it) failed: counts against its circuit breaker */
        SERVICE_FAILED,
        /** this client is over its budget: wait as told */
        THROTTLED,
        /** our own earlier attempt with the same key is still running */
        STILL_RUNNING,
        /** the token expired or was rotated: fetch a new one */
        TOKEN_EXPIRED,
        /** the authorization server is unreachable: not the service's fault */
        AUTH_UNREACHABLE
    }

    /** A failure worth another attempt (with the same idempotency key); carries what to throw if none is left. */
    static final class TransientFailure extends RuntimeException {
        private final Kind kind;
        private final PlatformApiException failure;
        private final Duration retryAfter;

        TransientFailure(Kind kind, PlatformApiException failure, Duration retryAfter) {
            super(failure.getMessage(), null, false, false);
            this.kind = kind;
            this.failure = failure;
            this.retryAfter = retryAfter;
        }

        Kind kind() {
            return kind;
        }

        PlatformApiException failure() {
            return failure;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }
}
