package cn.chenzhou.plan.system;

import cn.chenzhou.plan.stack.BusCredentials;
import cn.chenzhou.plan.stack.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The embedded platform exactly as {@code ./platform up} runs it — the launcher's JVM holding the Kafka broker and the
 * store, every service a JVM of its own — on free ports that stay the same across restarts, so that clients find it
 * again after the launcher was killed -9 and started anew on the same data directory.
 */
final class Launcher implements Deployment, AutoCloseable {
    private final Path home = Path.of(System.getProperty("platform.home", "..")).toAbsolutePath().normalize();
    private final Path dataDir;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private Process process;
    private Path output;
    private int starts;

    Launcher(Path dataDir) {
        this.dataDir = dataDir;
        for (String name : List.of("GATEWAY_PORT", "AUTH_PORT", "PROJECT_SERVICE_PORT", "FUNDING_SERVICE_PORT",
                "REGISTRY_SERVICE_PORT", "REPORTING_SERVICE_PORT", "KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "MONGO_PORT",
                "ZIPKIN_PORT")) {
            ports.put(name, FreePorts.next());
        }
    }

    /** Starts the launcher and waits for its READY line. */
    void start(Duration timeout) throws IOException, InterruptedException {
        output = dataDir.resolveSibling(dataDir.getFileName() + "-launcher-" + ++starts + ".log");
        Files.createDirectories(dataDir);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "-Dplatform.home=" + home,
                "-jar", home.resolve("embedded-stack/target/embedded-stack-exec.jar").toString(), "up")
                .redirectErrorStream(true).redirectOutput(output.toFile());
        ports.forEach((k, v) -> builder.environment().put(k, String.valueOf(v)));
        builder.environment().put("PLATFORM_DEMO", "false");
        builder.environment().put("PLATFORM_DATA_DIR", dataDir.toString());
        builder.environment().put("GATEWAY_RATE_LIMIT", "5000");
        builder.environment().put("PLATFORM_READY_TIMEOUT_SECONDS", String.valueOf(timeout.toSeconds()));
        process = builder.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.readString(output).contains("READY ")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the launcher did not print READY:\n" + Files.readString(output));
            }
            Thread.sleep(250);
        }
    }

    /** SIGKILL to the launcher: the broker and the store die with it, mid-write; the services are left orphaned. */
    void killMinus9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public String gateway() {
        return "http://localhost:" + ports.get("GATEWAY_PORT");
    }

    @Override
    public String authorizationServer() {
        return "http://localhost:" + ports.get("AUTH_PORT");
    }

    @Override
    public Map<String, Object> kafkaClient() {
        return BusCredentials.from(secrets()).client(BusCredentials.ADMIN, "localhost:" + ports.get("KAFKA_PORT"));
    }

    @Override
    public String mongoUri() {
        return "mongodb://localhost:" + ports.get("MONGO_PORT");
    }

    @Override
    public String secret(String clientId) {
        return secrets().getProperty("client." + clientId + ".secret");
    }

    private Properties secrets() {
        Properties secrets = new Properties();
        try (InputStream in = Files.newInputStream(dataDir.resolve("secrets/platform-secrets.properties"))) {
            secrets.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secrets;
    }

    /** Stops the platform as Ctrl-C does (SIGTERM to the launcher, which stops every service). */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.toHandle().destroy();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
