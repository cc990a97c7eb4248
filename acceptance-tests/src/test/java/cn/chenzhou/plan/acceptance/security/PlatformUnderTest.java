package cn.chenzhou.plan.acceptance.security;

import cn.chenzhou.plan.acceptance.RunningPlatform;
import cn.chenzhou.plan.stack.BusCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running platform as the security and bad-input suites see it: the gateway, each service's own port (to show
 * that the services lock their doors too), the broker, the auth server's tokens and its data directory.
 *
 * <p>Normally {@link RunningPlatform#shared()}. For a quick edit-and-run loop a developer may point the suites at a
 * platform already running ({@code -Dacceptance.existing-platform=<file>}: lines {@code [export ]NAME=value} with
 * the ports and {@code PLATFORM_DATA_DIR}, as given to the launcher).
 */
public final class PlatformUnderTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static PlatformUnderTest instance;

    private final Map<String, Integer> ports;
    private final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, RunningPlatform.IssuedToken> tokens = new ConcurrentHashMap<>();

    private PlatformUnderTest(Map<String, Integer> ports, Path dataDir) {
        this.ports = ports;
        this.dataDir = dataDir;
    }

    public static synchronized PlatformUnderTest get() throws Exception {
        if (instance == null) {
            String existing = System.getProperty("acceptance.existing-platform");
            instance = existing == null || existing.isBlank() ? fromShared() : fromFile(Path.of(existing));
        }
        return instance;
    }

    private static PlatformUnderTest fromShared() throws Exception {
        RunningPlatform platform = RunningPlatform.shared();
        Map<String, Integer> ports = new HashMap<>();
        for (String name : new String[] {"GATEWAY_PORT", "AUTH_PORT", "PROJECT_SERVICE_PORT", "FUNDING_SERVICE_PORT",
                "REGISTRY_SERVICE_PORT", "REPORTING_SERVICE_PORT", "KAFKA_PORT", "ZIPKIN_PORT"}) {
            ports.put(name, platform.port(name));
        }
        return new PlatformUnderTest(ports, platform.dataDir());
    }

    private static PlatformUnderTest fromFile(Path file) throws IOException {
        Map<String, Integer> ports = new HashMap<>();
        Path dataDir = null;
        for (String line : Files.readAllLines(file)) {
            for (String assignment : line.replaceFirst("^\\s*export\\s+", "").trim().split("\\s+")) {
                int eq = assignment.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = assignment.substring(0, eq);
                String value = assignment.substring(eq + 1);
                if (name.endsWith("_PORT")) {
                    ports.put(name, Integer.parseInt(value));
                } else if (name.equals("PLATFORM_DATA_DIR")) {
                    dataDir = Path.of(value);
                }
            }
        }
        return new PlatformUnderTest(ports, dataDir);
    }

    public String gateway() {
        return "http://localhost:" + ports.get("GATEWAY_PORT");
    }

    /** Zipkin's base address (loopback), e.g. for {@code GET <zipkin>/api/v2/trace/<traceId>}. */
    public String zipkin() {
        return "http://127.0.0.1:" + ports.get("ZIPKIN_PORT");
    }

    /** The service's own address, bypassing the gateway. */
    public String service(String service) {
        String port = switch (service) {
            case "projects" -> "PROJECT_SERVICE_PORT";
            case "funding" -> "FUNDING_SERVICE_PORT";
            case "registry" -> "REGISTRY_SERVICE_PORT";
            case "reports" -> "REPORTING_SERVICE_PORT";
            default -> throw new IllegalArgumentException("no service " + service);
        };
        return "http://localhost:" + ports.get(port);
    }

    public String kafkaBootstrap() {
        return "localhost:" + ports.get("KAFKA_PORT");
    }

    /** What a Kafka client needs to connect as one of the broker's users, whose password is in the secrets file. */
    public Map<String, Object> kafkaClient(String user) {
        return new HashMap<>(BusCredentials.from(secrets()).client(user, kafkaBootstrap()));
    }

    public Properties secrets() {
        Properties secrets = new Properties();
        try (var in = Files.newBufferedReader(dataDir.resolve("secrets/platform-secrets.properties"))) {
            secrets.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("no secrets file in " + dataDir, e);
        }
        return secrets;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A port by its environment variable's name, e.g. GATEWAY_PORT. */
    public int port(String name) {
        return ports.get(name);
    }

    /** Where each component's health and metrics answer (loopback), as the launcher recorded it. */
    public Properties managementPorts() {
        Properties ports = new Properties();
        try (var in = Files.newBufferedReader(dataDir.resolve("run/management-ports.properties"))) {
            ports.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("no management ports recorded in " + dataDir, e);
        }
        return ports;
    }

    /** The launcher's process: the parent of the services listed in {@code run/pids}. */
    public ProcessHandle launcher() throws IOException {
        for (String line : Files.readAllLines(dataDir.resolve("run/pids"))) {
            var parent = ProcessHandle.of(Long.parseLong(line.trim())).flatMap(ProcessHandle::parent);
            if (parent.isPresent()) {
                return parent.get();
            }
        }
        throw new IllegalStateException("no running service listed in " + dataDir.resolve("run/pids"));
    }

    public Path signingKeyFile() {
        return dataDir.resolve("secrets/auth-signing-key.json");
    }

    public HttpClient http() {
        return http;
    }

    /**
     * A client-credentials token, fetched again when a quarter of its life is left (the platform's tokens live 40 s:
     * ask for one for each call rather than keep it).
     */
    public String token(String clientId) {
        RunningPlatform.IssuedToken cached = tokens.get(clientId);
        if (cached != null && Instant.now().isBefore(cached.renewAt())) {
            return cached.value();
        }
        try {
            Properties secrets = secrets();
            String basic = Base64.getEncoder().encodeToString((clientId + ":" + secrets.getProperty("client." + clientId + ".secret"))
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
            var issued = JSON.readTree(response.body());
            RunningPlatform.IssuedToken token = RunningPlatform.IssuedToken.of(issued.get("access_token").asString(),
                    issued.get("expires_in").asLong());
            tokens.put(clientId, token);
            return token.value();
        } catch (IOException e) {
            throw new IllegalStateException("token for " + clientId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
