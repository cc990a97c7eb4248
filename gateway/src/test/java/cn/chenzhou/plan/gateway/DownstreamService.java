package cn.chenzhou.plan.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server on a fixed port standing in for a service behind the gateway: it echoes what reached it,
 * and can be stopped and started again to play a service that goes down and comes back.
 */
final class DownstreamService {
    private final int port;
    private HttpServer server;
    final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    final AtomicReference<String> lastRequestId = new AtomicReference<>();
    final AtomicReference<String> lastTraceParent = new AtomicReference<>();

    DownstreamService(int port) {
        this.port = port;
    }

    synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // requests are answered concurrently, as a servlet container does; a path ending in /slow takes half a second,
        // one ending in /status/NNN is answered with that status (a refusal, as a service refuses a caller's mistake)
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/slow")) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            java.util.regex.Matcher status = java.util.regex.Pattern.compile(".*/status/(\\d{3})").matcher(path);
            if (status.matches()) {
                byte[] problem = "{\"status\":\"refused\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(Integer.parseInt(status.group(1)), problem.length);
                exchange.getResponseBody().write(problem);
                exchange.close();
                return;
            }
            lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            lastRequestId.set(exchange.getRequestHeaders().getFirst("X-Request-Id"));
            lastTraceParent.set(exchange.getRequestHeaders().getFirst("traceparent"));
            byte[] body = ("{\"path\":\"" + exchange.getRequestURI().getPath() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Request-Id", lastRequestId.get() == null ? "none" : lastRequestId.get());
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    synchronized void stop() {
        server.stop(0);
    }

    String url() {
        return "http://localhost:" + port;
    }
}
