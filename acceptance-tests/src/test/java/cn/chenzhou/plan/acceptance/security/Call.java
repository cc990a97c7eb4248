package cn.chenzhou.plan.acceptance.security;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP request as the suites send it: any method, path, headers and raw body bytes (so that broken JSON, wrong
 * content types and oversize bodies can be sent as they are), optionally chunked (no Content-Length).
 */
public record Call(String method, String path, List<Map.Entry<String, String>> headers, byte[] body, boolean chunked) {
    static final JsonMapper JSON = JsonMapper.builder().build();

    public static Call of(String method, String path) {
        return new Call(method, path, List.of(), null, false);
    }

    public Call header(String name, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new Call(method, path, List.copyOf(more), body, chunked);
    }

    public Call withoutHeader(String name) {
        return new Call(method, path, headers.stream().filter(h -> !h.getKey().equalsIgnoreCase(name)).toList(), body, chunked);
    }

    public Call bearer(String token) {
        return token == null ? withoutHeader("Authorization") : withoutHeader("Authorization").header("Authorization", "Bearer " + token);
    }

    public Call json(JsonNode json) {
        return withoutHeader("Content-Type").header("Content-Type", "application/json")
                .body(JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8));
    }

    public Call body(byte[] bytes) {
        return new Call(method, path, headers, bytes, chunked);
    }

    public Call chunked(boolean chunked) {
        return new Call(method, path, headers, body, chunked);
    }

    public Call path(String path) {
        return new Call(method, path, headers, body, chunked);
    }

    /** Sends it to {@code base} (the gateway, or a service directly), waiting at most 30 s for the answer. */
    public Reply send(HttpClient http, String base) {
        return send(http, base, Duration.ofSeconds(30));
    }

    public Reply send(HttpClient http, String base, Duration timeout) {
        HttpRequest.BodyPublisher publisher;
        if (body == null) {
            publisher = HttpRequest.BodyPublishers.noBody();
        } else if (chunked) {
            publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        } else {
            publisher = HttpRequest.BodyPublishers.ofByteArray(body);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .method(method, publisher);
        headers.forEach(h -> request.header(h.getKey(), h.getValue()));
        try {
            HttpResponse<java.io.InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse("");
            try (java.io.InputStream in = response.body()) {
                // an event stream never ends: its status and headers are the answer
                String text = type.startsWith("text/event-stream") ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new Reply(response.statusCode(), response.headers().map(), text);
            }
        } catch (java.io.IOException e) {
            return new Reply(-1, Map.of(), "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8)
                + (body.length > 300 ? "… (" + body.length + " bytes)" : "");
        List<String> shownHeaders = headers.stream()
                .map(h -> h.getKey() + ": " + (h.getKey().equalsIgnoreCase("Authorization") ? "Bearer …"
                        : h.getValue().length() > 80 ? h.getValue().substring(0, 80) + "… (" + h.getValue().length() + " chars)" : h.getValue()))
                .toList();
        String shownPath = path.length() > 160 ? path.substring(0, 160) + "… (" + path.length() + " chars)" : path;
        return method + " " + shownPath + (shownHeaders.isEmpty() ? "" : " " + shownHeaders) + (shown.isEmpty() ? "" : " " + shown);
    }

    /** The answer: status (-1 when the connection failed), headers, body. */
    public record Reply(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public String contentType() {
            String type = header("Content-Type");
            return type == null ? "" : type;
        }

        public boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public boolean is2xx() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }
}
