package cn.chenzhou.plan.acceptance;

import cn.chenzhou.plan.stack.FreePorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform started exactly as {@code ./platform up} starts it — the launcher jar as its own process, every
 * service a JVM of its own — on free ports and in a fresh data directory, so it runs beside a developer's stack.
 * Without the demo plan unless asked for ({@code PLATFORM_DEMO=true}); the shared platform has it.
 */
public final class RunningPlatform implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Path dataDir;
    private final Process launcher;
    private final List<String> output = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final Map<String, IssuedToken> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    private final Thread reader;

    /** The client whose gateway budget is tiny (5 requests a second) on the shared platform, to meet a 429 on purpose. */
    public static final String RATE_LIMITED_CLIENT = "county-431028";
    private static RunningPlatform shared;

    /**
     * One platform for every acceptance test class of this JVM, started on first use and stopped at exit; generous
     * rate limits except for {@link #RATE_LIMITED_CLIENT}; with the demo plan loaded, as on a first
     * {@code ./platform up} (which prints READY first, then loads it).
     */
    public static synchronized RunningPlatform shared() throws Exception {
        if (shared == null) {
            shared = new RunningPlatform(Files.createTempDirectory("platform-acceptance"),
                    Map.of("GATEWAY_RATE_LIMIT", "5000", "GATEWAY_RATE_LIMIT_PERIOD", "1s",
                            "GATEWAY_RATE_LIMIT_OVERRIDES", RATE_LIMITED_CLIENT + "=5", "PLATFORM_DEMO", "true"));
            // the start (~1 min), then the demo plan's load (~1 min) on 2 busy cores
            shared.awaitReady(Duration.ofSeconds(240));
            shared.awaitLine(cn.chenzhou.plan.stack.DemoDatasetStep.LOADED, Duration.ofSeconds(480));
            RunningPlatform started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception ignored) {
                    // the JVM is leaving anyway
                }
            }));
        }
        return shared;
    }

    /**
     * A platform of its own with every setting as {@code ./platform up} ships it (without the demo plan) — the rate
     * limits and throttles a caller really meets — ready to use; close it when done. Only the launcher's patience
     * differs: on a machine shared with other test runs a start can take minutes.
     */
    public static RunningPlatform startAsShipped() throws Exception {
        RunningPlatform platform = new RunningPlatform(Files.createTempDirectory("platform-as-shipped"),
                Map.of("PLATFORM_READY_TIMEOUT_SECONDS", "600"));
        try {
            platform.awaitReady(Duration.ofSeconds(660));
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    RunningPlatform() throws IOException {
        this(Files.createTempDirectory("platform-acceptance"), Map.of());
    }

    /** A platform on free ports in {@code dataDir} (an existing one to restart on the data of an earlier run). */
    RunningPlatform(Path dataDir, Map<String, String> environment) throws IOException {
        for (String name : List.of("GATEWAY_PORT", "AUTH_PORT", "PROJECT_SERVICE_PORT", "FUNDING_SERVICE_PORT",
                "REGISTRY_SERVICE_PORT", "REPORTING_SERVICE_PORT", "KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "MONGO_PORT",
                "ZIPKIN_PORT")) {
            ports.put(name, FreePorts.next());
        }
        this.dataDir = dataDir;
        Path home = Path.of(System.getProperty("platform.home", "..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/bin/sh"))) {
            // as ./platform starts it: whatever the launcher and its broker write is their owner's only
            command.addAll(List.of("/bin/sh", "-c", "umask 077 && exec \"$0\" \"$@\""));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "-Dplatform.home=" + home,
                "-jar", home.resolve("embedded-stack/target/embedded-stack-exec.jar").toString(), "up"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        ports.forEach((k, v) -> builder.environment().put(k, String.valueOf(v)));
        builder.environment().put("PLATFORM_DEMO", "false");
        builder.environment().putAll(environment);
        builder.environment().put("PLATFORM_DATA_DIR", dataDir.toString());
        launcher = builder.start();
        reader = new Thread(this::readOutput, "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
                if (line.startsWith("READY ")) {
                    ready.complete(line);
                }
            }
            ready.completeExceptionally(new IllegalStateException("launcher ended before READY:\n" + output()));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    /** Waits until the launcher printed this line (e.g. that the demo plan is loaded). */
    void awaitLine(String line, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().lines().anyMatch(line::equals)) {
                return;
            }
            if (!launcher.isAlive()) {
                throw new IllegalStateException("launcher ended before printing '" + line + "':\n" + output());
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no '" + line + "' after " + timeout.toSeconds() + " s:\n" + output());
    }

    String awaitReady(Duration timeout) throws Exception {
        return ready.get(timeout.toSeconds(), TimeUnit.SECONDS);
    }

    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    public String authorizationServer() {
        return "http://localhost:" + ports.get("AUTH_PORT");
    }

    /** The secret of one of the platform's clients, from the secrets file the launcher generated. */
    public String secret(String clientId) throws IOException {
        Properties secrets = new Properties();
        try (var in = Files.newBufferedReader(dataDir.resolve("secrets/platform-secrets.properties"))) {
            secrets.load(in);
        }
        return secrets.getProperty("client." + clientId + ".secret");
    }

    /** The password of one of the platform's staff users, from the secrets file the launcher generated. */
    public String password(String user) throws IOException {
        Properties secrets = new Properties();
        try (var in = Files.newBufferedReader(dataDir.resolve("secrets/platform-secrets.properties"))) {
            secrets.load(in);
        }
        return secrets.getProperty("user." + user + ".password");
    }

    public String gateway() {
        return "http://localhost:" + ports.get("GATEWAY_PORT");
    }

    /** Zipkin's base address (loopback), e.g. for {@code GET <zipkin>/api/v2/trace/<traceId>}. */
    public String zipkin() {
        return "http://127.0.0.1:" + ports.get("ZIPKIN_PORT");
    }

    public int port(String name) {
        return ports.get(name);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The loopback port where a component's health and metrics answer, as the launcher recorded it. */
    public int managementPort(String component) throws IOException {
        Properties recorded = new Properties();
        try (var in = Files.newBufferedReader(dataDir.resolve("run/management-ports.properties"))) {
            recorded.load(in);
        }
        return Integer.parseInt(recorded.getProperty(component));
    }

    public long launcherPid() {
        return launcher.pid();
    }

    /**
     * A client-credentials token for one of the platform's clients, from its authorization server; the same one again
     * until a quarter of its life is left (the platform's tokens live 40 s: ask again rather than keep one).
     */
    public String token(String clientId) throws Exception {
        IssuedToken known = tokens.get(clientId);
        if (known != null && Instant.now().isBefore(known.renewAt())) {
            return known.value();
        }
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret(clientId))
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + ports.get("AUTH_PORT") + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=api")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token for " + clientId + ": " + response.statusCode() + " " + response.body());
        }
        JsonNode issued = JSON.readTree(response.body());
        IssuedToken token = IssuedToken.of(issued.get("access_token").asString(), issued.get("expires_in").asLong());
        tokens.put(clientId, token);
        return token.value();
    }

    /** A token and when to stop handing it out: when a quarter of its life (at most 30 s) is left. */
    public record IssuedToken(String value, Instant renewAt) {
        public static IssuedToken of(String value, long lifetimeSeconds) {
            long lifetimeMillis = lifetimeSeconds * 1000;
            return new IssuedToken(value, Instant.now().plusMillis(lifetimeMillis - Math.min(30_000, lifetimeMillis / 4)));
        }
    }

    Reply get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway() + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    Reply post(String path, String token, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(gateway() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Reply send(HttpRequest.Builder b) throws Exception {
        HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    }

    record Reply(int status, String body, String contentType) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** Stops the platform as Ctrl-C would (SIGTERM to the launcher) and returns the launcher's exit code. */
    int stop() throws Exception {
        // SIGTERM through the handle: Process.destroy() would also close our end of its output
        launcher.toHandle().destroy();
        if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
            throw new IllegalStateException("launcher did not stop within 60 s:\n" + output());
        }
        reader.join(5_000);
        return launcher.exitValue();
    }

    @Override
    public void close() throws Exception {
        if (launcher.isAlive()) {
            stop();
        }
        deleteData();
    }

    void deleteData() {
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (UncheckedIOException | IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
