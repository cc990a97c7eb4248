package cn.chenzhou.plan.sdk;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth2 client credentials: obtains an access token from the authorization server, keeps it until shortly before
 * it expires, and fetches a new one when it must (or when the platform says the old one is no longer good).
 * "Shortly" is a quarter of the token's life, at most 30 s: the platform's tokens live 40 s, and are renewed after 30.
 * An authorization server that throttles this client (429) is waited out like any other 429.
 */
final class TokenSource {
    private static final long MOST_EARLY_SECONDS = 30;
    private final HttpClient http;
    private final URI tokenEndpoint;
    private final String clientId;
    private final String secret;
    private final JsonMapper json;
    private final Clock clock;
    private String token;
    private Instant expires = Instant.EPOCH;

    TokenSource(HttpClient http, URI tokenEndpoint, String clientId, String secret, JsonMapper json, Clock clock) {
        this.http = http;
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.secret = secret;
        this.json = json;
        this.clock = clock;
    }

    synchronized String token() {
        if (token == null || clock.instant().isAfter(expires)) {
            refresh();
        }
        return token;
    }

    synchronized void invalidate() {
        token = null;
    }

    private void refresh() {
        String basic = Base64.getEncoder().encodeToString((enc(clientId) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest<String> request = HttpRequest.POST(tokenEndpoint, "grant_type=client_credentials&scope=api")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header("Authorization", "Basic " + basic);
        try {
            HttpResponse<String> response = http.toBlocking().exchange(request, String.class);
            JsonNode body = json.readTree(response.body());
            token = body.get("access_token").asString();
            long lifetimeMillis = (body.has("expires_in") ? body.get("expires_in").asLong() : 300) * 1000;
            expires = clock.instant().plusMillis(lifetimeMillis - Math.min(MOST_EARLY_SECONDS * 1000, lifetimeMillis / 4));
        } catch (HttpClientResponseException e) {
            if (e.getStatus().getCode() == 429) {
                Problem problem = Problem.parse(429, "Too Many Requests", e.getResponse().getBody(String.class).orElse(""),
                        null, json);
                throw new Transport.TransientFailure(Transport.Kind.THROTTLED, PlatformApiException.of(problem),
                        RetryPolicy.parseRetryAfter(e.getResponse().getHeaders().get("Retry-After"), clock));
            }
            throw new PlatformApiException.Unauthenticated(Problem.local("token-refused", "Unauthorized",
                    e.getStatus().getCode(), "the authorization server refused the credentials of " + clientId + ": "
                            + e.getResponse().getBody(String.class).orElse("")));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
