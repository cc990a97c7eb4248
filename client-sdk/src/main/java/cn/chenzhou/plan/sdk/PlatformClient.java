package cn.chenzhou.plan.sdk;

import cn.chenzhou.plan.sdk.funding.Funding;
import cn.chenzhou.plan.sdk.projects.Projects;
import cn.chenzhou.plan.sdk.registry.Registry;
import cn.chenzhou.plan.sdk.reports.Reports;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform, seen from a county portal or the finance section's systems: typed operations on every service
 * through the gateway, as one OAuth2 client (client credentials; the SDK obtains and renews its token itself).
 *
 * <pre>{@code
 * try (PlatformClient platform = PlatformClient.builder()
 *         .gateway("http://localhost:8080").authorizationServer("http://localhost:9000")
 *         .clientCredentials("county-431023", secret).build()) {
 *     Project drafted = platform.projects().draft(new DraftProject("431023", "稀贵金属综合回收关键技术研究", …));
 *     platform.projects().submit(drafted.id(), new SubmitProject(drafted.version(), LocalDate.of(2012, 6, 15)));
 * }
 * }</pre>
 *
 * <p>Every command carries an {@code Idempotency-Key}: a fresh one per call unless the caller passes its own (to
 * retry a command across restarts of the caller), and the same one on each of the SDK's own retries — so a command
 * whose answer was lost is applied once. Refusals are {@link PlatformApiException}s carrying the problem+json.
 * One client is safe to share between threads.
 */
public final class PlatformClient implements AutoCloseable {
    private final HttpClient http;
    private final Transport transport;
    private final JsonMapper json;
    private final String clientId;
    private final Projects projects;
    private final Funding funding;
    private final Registry registry;
    private final Reports reports;

    /**
     * @param maxAttempts     attempts per call, the first included
     * @param initialBackoff  wait before the second attempt (when the platform did not say how long); doubled for each further one
     * @param maxRetryAfter   longest wait the SDK accepts between attempts (a longer Retry-After is cut to this)
     * @param breakerOpenFor  how long the SDK stops calling a service after it failed repeatedly
     * @param readTimeout     how long one attempt waits for an answer
     */
    public record Settings(int maxAttempts, Duration initialBackoff, Duration maxRetryAfter, Duration breakerOpenFor,
                           Duration readTimeout) {
        public Settings {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            Objects.requireNonNull(breakerOpenFor, "breakerOpenFor");
            Objects.requireNonNull(readTimeout, "readTimeout");
        }

        /** With the default read timeout (30 s). */
        public Settings(int maxAttempts, Duration initialBackoff, Duration maxRetryAfter, Duration breakerOpenFor) {
            this(maxAttempts, initialBackoff, maxRetryAfter, breakerOpenFor, Duration.ofSeconds(30));
        }

        public static Settings defaults() {
            return new Settings(5, Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(30));
        }

        public Settings withMaxAttempts(int attempts) {
            return new Settings(attempts, initialBackoff, maxRetryAfter, breakerOpenFor, readTimeout);
        }

        public Settings withMaxRetryAfter(Duration wait) {
            return new Settings(maxAttempts, initialBackoff, wait, breakerOpenFor, readTimeout);
        }

        public Settings withBreakerOpenFor(Duration open) {
            return new Settings(maxAttempts, initialBackoff, maxRetryAfter, open, readTimeout);
        }
    }

    /**
     * Told of every answer the platform gave (after the SDK's retries): for metrics, logs, or counting what a batch
     * applied and what the platform replayed from an earlier identical command.
     */
    @FunctionalInterface
    public interface CallListener {
        /** @param replayed the platform answered a command it had applied before (same Idempotency-Key) */
        void answered(String method, String path, int status, boolean replayed);
    }

    private PlatformClient(Builder b) {
        this.json = SdkJson.mapper();
        this.clientId = b.clientId;
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setReadTimeout(b.settings.readTimeout());
        configuration.setConnectTimeout(Duration.ofSeconds(5));
        configuration.setMaxContentLength(64 * 1024 * 1024);
        try {
            this.http = HttpClient.create(b.gateway.toURL(), configuration);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("gateway " + b.gateway, e);
        }
        TokenSource tokens = new TokenSource(http, b.authorizationServer.resolve("/oauth2/token"), b.clientId, b.secret,
                json, Clock.systemUTC());
        this.transport = new Transport(http, b.gateway, tokens, json, b.settings, b.listener);
        this.projects = new Projects(this);
        this.funding = new Funding(this);
        this.registry = new Registry(this);
        this.reports = new Reports(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Projects, programmes, achievement transformations and characteristic industries (project-service). */
    public Projects projects() {
        return projects;
    }

    /** Special fund, secured funds, matching funds and county statistics (funding-service). */
    public Funding funding() {
        return funding;
    }

    /** Platforms, designations, alliances, enterprises and assessments (platform-registry-service). */
    public Registry registry() {
        return registry;
    }

    /** Scorecards, funding progress, county assessment, alerts and exports (reporting-service). */
    public Reports reports() {
        return reports;
    }

    /** The OAuth2 client this SDK acts as, e.g. {@code county-431023}. */
    public String clientId() {
        return clientId;
    }

    /** This client's circuit breaker for a service ({@code projects}, {@code funding}, {@code registry}, {@code reports}). */
    public CircuitBreaker.State breakerState(String service) {
        return transport.breaker(service).getState();
    }

    // ---- generic calls: the typed operations are built on these; use them for what the SDK does not cover yet ----

    /** GET a resource as JSON. */
    public JsonNode get(String path) {
        return parse(transport.call("GET", path, null, null).body());
    }

    /** GET a resource as the given type (unknown fields are ignored, so newer servers do not break older SDKs). */
    public <T> T get(String path, Class<T> type) {
        return json.readValue(transport.call("GET", path, null, null).body(), type);
    }

    /** GET one page of a list. */
    public <T> Page<T> getPage(String path, Class<T> item) {
        JavaType type = json.getTypeFactory().constructParametricType(Page.class, item);
        return json.readValue(transport.call("GET", path, null, null).body(), type);
    }

    /** GET a JSON array. */
    public <T> List<T> getList(String path, Class<T> item) {
        JavaType type = json.getTypeFactory().constructCollectionType(List.class, item);
        return json.readValue(transport.call("GET", path, null, null).body(), type);
    }

    /** GET a file, e.g. an .xlsx or .csv export. */
    public byte[] download(String path) {
        return transport.call("GET", path, null, null).body();
    }

    /** POST a command; a fresh Idempotency-Key is sent, the same one on every retry. */
    public JsonNode post(String path, Object body) {
        return post(path, body, (String) null);
    }

    /** POST a command with the caller's own Idempotency-Key (to retry a command across restarts of the caller). */
    public JsonNode post(String path, Object body, String idempotencyKey) {
        return parse(transport.call("POST", path, body, idempotencyKey).body());
    }

    /** POST a command and read its answer as {@code type}; {@code idempotencyKey} may be null (a fresh one is made). */
    public <T> T post(String path, Object body, String idempotencyKey, Class<T> type) {
        return json.readValue(transport.call("POST", path, body, idempotencyKey).body(), type);
    }

    /**
     * POST a command that is idempotent by its own nature (its effect is keyed by what it names) without an
     * Idempotency-Key; retried like any other. For endpoints a key would disturb — e.g. the registry's demo dataset,
     * one command that creates several aggregates of one collection.
     */
    public <T> T postIdempotentByNature(String path, Object body, Class<T> type) {
        return json.readValue(transport.call("POST", path, body, Transport.NO_KEY).body(), type);
    }

    public JsonNode put(String path, Object body) {
        return parse(transport.call("PUT", path, body, null).body());
    }

    /** PUT a command and read its answer as {@code type}; {@code idempotencyKey} may be null (a fresh one is made). */
    public <T> T put(String path, Object body, String idempotencyKey, Class<T> type) {
        return json.readValue(transport.call("PUT", path, body, idempotencyKey).body(), type);
    }

    public JsonNode delete(String path) {
        return parse(transport.call("DELETE", path, null, null).body());
    }

    private JsonNode parse(byte[] body) {
        return body.length == 0 ? json.nullNode() : json.readTree(body);
    }

    @Override
    public void close() {
        http.close();
    }

    public static final class Builder {
        private URI gateway = URI.create("http://localhost:8080");
        private URI authorizationServer = URI.create("http://localhost:9000");
        private String clientId;
        private String secret;
        private Settings settings = Settings.defaults();
        private CallListener listener = (method, path, status, replayed) -> { };

        public Builder gateway(String url) {
            this.gateway = URI.create(url);
            return this;
        }

        public Builder authorizationServer(String url) {
            this.authorizationServer = URI.create(url);
            return this;
        }

        public Builder clientCredentials(String clientId, String secret) {
            this.clientId = clientId;
            this.secret = secret;
            return this;
        }

        public Builder settings(Settings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public Builder listener(CallListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public PlatformClient build() {
            Objects.requireNonNull(clientId, "clientCredentials: client id");
            Objects.requireNonNull(secret, "clientCredentials: secret");
            return new PlatformClient(this);
        }
    }
}
