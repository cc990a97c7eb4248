package cn.chenzhou.plan.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform being measured: either started here exactly as {@code ./platform up} starts it (the launcher jar as
 * its own process, every service a JVM of its own) on free ports in a fresh data directory, or a running one found
 * through the same environment variables ({@code --attach}).
 */
final class PlatformUnderTest implements AutoCloseable {
    static final List<String> PORTS = List.of("GATEWAY_PORT", "AUTH_PORT", "PROJECT_SERVICE_PORT", "FUNDING_SERVICE_PORT",
            "REGISTRY_SERVICE_PORT", "REPORTING_SERVICE_PORT", "KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "MONGO_PORT", "ZIPKIN_PORT");
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("GATEWAY_PORT", 8080, "AUTH_PORT", 9000,
            "PROJECT_SERVICE_PORT", 8081, "FUNDING_SERVICE_PORT", 8082, "REGISTRY_SERVICE_PORT", 8083,
            "REPORTING_SERVICE_PORT", 8084, "KAFKA_PORT", 9092, "KAFKA_CONTROLLER_PORT", 9093, "MONGO_PORT", 27017,
            "ZIPKIN_PORT", 9411);
    private static final Pattern PROGRESS = Pattern.compile("\\[\\s*([0-9.]+)s] ✓ (\\S+) healthy");

    private final Map<String, Integer> ports;
    private final Path dataDir;
    private final boolean ownData;
    private final Process launcher;
    private final long launcherPid;
    private final double readySeconds;
    private final Map<String, Double> healthyAfter = new LinkedHashMap<>();

    private PlatformUnderTest(Map<String, Integer> ports, Path dataDir, boolean ownData, Process launcher, long launcherPid,
                              double readySeconds) {
        this.ports = ports;
        this.dataDir = dataDir;
        this.ownData = ownData;
        this.launcher = launcher;
        this.launcherPid = launcherPid;
        this.readySeconds = readySeconds;
    }

    /**
     * Starts the launcher and waits for its READY line.
     *
     * @param environment extra environment (rate limits, demo data off)
     */
    static PlatformUnderTest start(Path home, Path dataDir, Map<String, String> environment, String launcherJavaOptions,
                                   Duration timeout, PrintStream out) throws Exception {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : PORTS) {
            ports.put(name, freePort());
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/bin/sh"))) {
            // as ./platform starts it: whatever the launcher and its broker write is their owner's only
            command.addAll(List.of("/bin/sh", "-c", "umask 077 && exec \"$0\" \"$@\""));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : launcherJavaOptions.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-Dplatform.home=" + home, "-jar",
                home.resolve("embedded-stack/target/embedded-stack-exec.jar").toString(), "up"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        ports.forEach((k, v) -> builder.environment().put(k, String.valueOf(v)));
        builder.environment().putAll(environment);
        builder.environment().put("PLATFORM_DATA_DIR", dataDir.toString());
        long t0 = System.nanoTime();
        Process process = builder.start();
        CompletableFuture<Double> ready = new CompletableFuture<>();
        Map<String, Double> healthy = new LinkedHashMap<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!ready.isDone()) {
                        out.println("  │ " + line);
                        Matcher m = PROGRESS.matcher(line);
                        if (m.find()) {
                            healthy.put(m.group(2), Double.parseDouble(m.group(1)));
                        }
                    }
                    if (line.startsWith("READY ")) {
                        ready.complete((System.nanoTime() - t0) / 1e9);
                    }
                }
                ready.completeExceptionally(new IllegalStateException("the launcher ended before READY"));
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();
        double seconds;
        try {
            seconds = ready.get(timeout.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            process.toHandle().destroy();
            process.waitFor(60, TimeUnit.SECONDS);
            throw new IllegalStateException("the platform did not become READY: " + e.getMessage()
                    + "\n(logs in " + dataDir.resolve("logs") + ")", e);
        }
        PlatformUnderTest platform = new PlatformUnderTest(ports, dataDir, true, process, process.pid(), seconds);
        platform.healthyAfter.putAll(healthy);
        return platform;
    }

    /** A platform already running with the ports of the environment (or the defaults) and its data directory. */
    static PlatformUnderTest attach(Map<String, String> env, Path home) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : PORTS) {
            String v = env.get(name);
            ports.put(name, v == null || v.isBlank() ? DEFAULT_PORTS.get(name) : Integer.parseInt(v.trim()));
        }
        Path data = Path.of(env.getOrDefault("PLATFORM_DATA_DIR", home.resolve("data").toString())).toAbsolutePath();
        long launcherPid = -1;
        Path pids = data.resolve("run/pids");
        try {
            if (Files.exists(pids)) {
                for (String line : Files.readAllLines(pids)) {
                    Optional<ProcessHandle> service = ProcessHandle.of(Long.parseLong(line.trim()));
                    Optional<ProcessHandle> parent = service.flatMap(ProcessHandle::parent);
                    if (parent.isPresent()) {
                        launcherPid = parent.get().pid();
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PlatformUnderTest(ports, data, false, null, launcherPid, Double.NaN);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    double readySeconds() {
        return readySeconds;
    }

    Map<String, Double> healthyAfter() {
        return healthyAfter;
    }

    boolean started() {
        return launcher != null;
    }

    String url(String portName) {
        return "http://localhost:" + ports.get(portName);
    }

    String gateway() {
        return url("GATEWAY_PORT");
    }

    String kafkaBootstrap() {
        return "localhost:" + ports.get("KAFKA_PORT");
    }

    /**
     * What a Kafka client needs to connect as the broker's administrator (the only user who may create the benchmark's
     * topic and write synthetic events to every topic): SASL/SCRAM, the password from the secrets file.
     */
    Map<String, Object> kafkaClient() {
        String password = secrets().getProperty("kafka.platform-admin.password");
        if (password == null) {
            throw new IllegalStateException("no kafka.platform-admin.password in " + dataDir.resolve("secrets"));
        }
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("bootstrap.servers", kafkaBootstrap());
        client.put("security.protocol", "SASL_PLAINTEXT");
        client.put("sasl.mechanism", "SCRAM-SHA-512");
        client.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"platform-admin\" password=\"" + password + "\";");
        return client;
    }

    String mongoUri() {
        return "mongodb://localhost:" + ports.get("MONGO_PORT");
    }

    Path dataDir() {
        return dataDir;
    }

    /** The launcher (Kafka broker and wire server) and each service, by name. */
    Map<String, Long> processes() {
        Map<String, Long> all = new LinkedHashMap<>();
        if (launcherPid < 0) {
            return all;
        }
        all.put("launcher (Kafka + MongoDB-wire)", launcherPid);
        ProcessHandle.of(launcherPid).ifPresent(l -> l.children().forEach(child -> {
            String name = child.info().arguments().stream().flatMap(java.util.Arrays::stream)
                    .filter(a -> a.startsWith("-Dplatform.service=")).map(a -> a.substring("-Dplatform.service=".length()))
                    .findFirst().orElse("pid " + child.pid());
            all.put(name, child.pid());
        }));
        return all;
    }

    /** A staff user's password (for the browser), from the platform's secrets file. */
    String password(String user) {
        return java.util.Objects.requireNonNull(secrets().getProperty("user." + user + ".password"), "no password for " + user);
    }

    private Properties secrets() {
        Properties secrets = new Properties();
        try (var in = Files.newBufferedReader(dataDir.resolve("secrets/platform-secrets.properties"))) {
            secrets.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secrets;
    }

    String secret(String clientId) {
        String secret = secrets().getProperty("client." + clientId + ".secret");
        if (secret == null) {
            throw new IllegalStateException("no secret for client " + clientId + " in " + dataDir.resolve("secrets"));
        }
        return secret;
    }

    /** A client-credentials token of one of the platform's clients, and how many seconds it lives. */
    record IssuedToken(String value, long lifetimeSeconds) {
    }

    /** A client-credentials token of one of the platform's clients. */
    IssuedToken token(Http http, String clientId) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret(clientId)).getBytes(StandardCharsets.UTF_8));
        Http.Reply reply = http.call(HttpRequest.newBuilder(URI.create(url("AUTH_PORT") + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=api")).build());
        if (reply.status() != 200) {
            throw new IllegalStateException("token for " + clientId + ": " + reply.status() + " " + reply.body());
        }
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(reply.body());
        if (!m.find()) {
            throw new IllegalStateException("no access_token in " + reply.body());
        }
        Matcher lifetime = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)").matcher(reply.body());
        return new IssuedToken(m.group(1), lifetime.find() ? Long.parseLong(lifetime.group(1)) : 300);
    }

    /** Stops a platform started here, keeps its logs in {@code keepLogsIn}, and deletes its data. */
    void close(Path keepLogsIn) throws Exception {
        if (launcher == null) {
            return;
        }
        launcher.toHandle().destroy();
        if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
        }
        Path logs = dataDir.resolve("logs");
        if (keepLogsIn != null && Files.isDirectory(logs)) {
            Files.createDirectories(keepLogsIn);
            try (var files = Files.list(logs)) {
                for (Path f : files.toList()) {
                    Files.copy(f, keepLogsIn.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        close();
    }

    @Override
    public void close() throws Exception {
        if (launcher == null) {
            return;
        }
        if (launcher.isAlive()) {
            launcher.toHandle().destroy();
            if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        }
        if (ownData) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException ignored) {
                // a temporary directory left behind is harmless
            }
        }
    }
}
