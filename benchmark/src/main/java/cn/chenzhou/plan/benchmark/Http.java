package cn.chenzhou.plan.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's HTTP client: asynchronous, HTTP/1.1 with keep-alive (one connection per request in flight, as a
 * county portal's client library would use), a small thread pool so that the load generator takes as little of the
 * machine's two cores as it can.
 */
final class Http implements AutoCloseable {
    private final ExecutorService executor;
    private final HttpClient client;

    Http(int threads) {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(executor).build();
    }

    /** What the benchmark keeps of an answer: the status, the Location header and (when asked for) the body. */
    record Reply(int status, String location, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The last path segment of the Location header: the id of what a command created. */
        String createdId() {
            if (location == null) {
                return null;
            }
            String path = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    CompletableFuture<Reply> get(String url, String token, boolean keepBody) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build();
        return send(request, keepBody);
    }

    CompletableFuture<Reply> postJson(String url, String token, String json, String idempotencyKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(b.build(), false);
    }

    CompletableFuture<Reply> send(HttpRequest request, boolean keepBody) {
        if (keepBody) {
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenApply(r -> new Reply(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body()));
        }
        // an accepted answer's body is not needed; a refusal's is kept, to say why
        HttpResponse.BodyHandler<String> refusalsOnly = info -> info.statusCode() < 300
                ? HttpResponse.BodySubscribers.replacing(null)
                : HttpResponse.BodySubscribers.ofString(java.nio.charset.StandardCharsets.UTF_8);
        return client.sendAsync(request, refusalsOnly)
                .thenApply(r -> new Reply(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body()));
    }

    /** A blocking call for set-up steps (tokens, seeding, status look-ups). */
    Reply call(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
