package cn.chenzhou.plan.sdk;

import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform, seen from a county portal or the finance section's systems: typed operations on every service
 * through the gateway, as one OAuth2 client.
 *
 * <pre>{@code
 * try (PlatformClient platform = PlatformClient.builder()
 *         .gateway("http://localhost:8080").authorizationServer("http://localhost:9000")
 *         .clientCredentials("county-431023", secret).build()) {
 *     JsonNode scorecard = platform.get("/api/reports/counties/431023/projects");
 * }
 * }</pre>
 */
public final class PlatformClient implements AutoCloseable {
    private final HttpClient http;
    private final Transport transport;
    private final JsonMapper json;

    /**
     * @param maxAttempts     attempts per call, the first included
     * @param initialBackoff  wait before the second attempt; doubled for each further one
     * @param maxRetryAfter   longest wait the SDK accepts (a longer Retry-After is cut to this)
     * @param breakerOpenFor  how long the SDK stops calling a service after it failed repeatedly
     */
    public record Settings(int maxAttempts, Duration initialBackoff, Duration maxRetryAfter, Duration breakerOpenFor) {
        public static Settings defaults() {
            return new Settings(5, Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(10));
        }
    }

    private PlatformClient(Builder b) {
        this.json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setReadTimeout(Duration.ofSeconds(30));
        configuration.setConnectTimeout(Duration.ofSeconds(5));
        configuration.setMaxContentLength(64 * 1024 * 1024);
        try {
            this.http = HttpClient.create(b.gateway.toURL(), configuration);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("gateway " + b.gateway, e);
        }
        TokenSource tokens = new TokenSource(http, b.authorizationServer.resolve("/oauth2/token"), b.clientId, b.secret,
                json, Clock.systemUTC());
        this.transport = new Transport(http, b.gateway, tokens, json, b.settings);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** GET a resource as JSON. */
    public JsonNode get(String path) {
        return json.readTree(transport.call("GET", path, null, null));
    }

    /** GET a resource as the given type (unknown fields are ignored, so newer servers do not break older SDKs). */
    public <T> T get(String path, Class<T> type) {
        return json.readValue(transport.call("GET", path, null, null), type);
    }

    /** GET a file, e.g. an .xlsx or .csv export. */
    public byte[] download(String path) {
        return transport.call("GET", path, null, null);
    }

    /** POST a command; a fresh Idempotency-Key is sent, the same one on every retry. */
    public JsonNode post(String path, Object body) {
        return post(path, body, null);
    }

    /** POST a command with the caller's own Idempotency-Key (to retry a command across restarts of the caller). */
    public JsonNode post(String path, Object body, String idempotencyKey) {
        return parse(transport.call("POST", path, body, idempotencyKey));
    }

    public JsonNode put(String path, Object body) {
        return parse(transport.call("PUT", path, body, null));
    }

    public JsonNode delete(String path) {
        return parse(transport.call("DELETE", path, null, null));
    }

    JsonMapper json() {
        return json;
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
            this.settings = settings;
            return this;
        }

        public PlatformClient build() {
            Objects.requireNonNull(clientId, "clientCredentials");
            return new PlatformClient(this);
        }
    }
}
