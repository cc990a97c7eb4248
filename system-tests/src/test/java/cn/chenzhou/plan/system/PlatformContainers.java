package cn.chenzhou.plan.system;

import cn.chenzhou.plan.stack.BusCredentials;
import cn.chenzhou.plan.stack.BusSettings;
import cn.chenzhou.plan.stack.BusSetup;
import cn.chenzhou.plan.stack.FreePorts;
import cn.chenzhou.plan.stack.PlatformSecrets;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.MountableFile;

/**
 * The whole platform as containers on one network — MongoDB, Kafka, the authorization server, each service (two
 * instances of funding, behind the gateway's load balancer) and the gateway — plus the faults the suite injects:
 * kill -9 and restart, pause, cutting a container off the network, and (where {@link HostFaults} can) a store on a
 * small disk that fills up and a slow, lossy network.
 */
final class PlatformContainers implements Deployment, AutoCloseable {
    static final String ISSUER = "http://auth-server:9000";
    private static final String SECRETS = "/secrets/platform-secrets.properties";
    private static final String JAVA_OPTS = "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k";
    /** The fault suite's store disk: room for its few minutes of load, small enough to fill quickly. */
    static final int STORE_DISK_MB = 256;

    final Images images = new Images();
    final Network network = Network.newNetwork();
    final Map<String, GenericContainer<?>> containers = new LinkedHashMap<>();
    /** The size of the store's tmpfs, in MB (where the host faults can mount one). */
    final int storeDiskMb;
    private final Map<String, List<String>> aliases = new LinkedHashMap<>();
    private final int kafkaExternalPort = FreePorts.next();
    // the clients' entry points keep their host ports across a kill and restart
    private final int gatewayPort = FreePorts.next();
    private final int authPort = FreePorts.next();
    private Path secretsFile;
    private Properties secrets;
    /** The store's data directory: a small tmpfs on the host where {@link HostFaults} can mount one, else null. */
    Path storeDisk;
    /** Why the host faults are left out here, or null. */
    final String hostFaultsUnavailable = HostFaults.unavailable();

    PlatformContainers() {
        this(STORE_DISK_MB);
    }

    PlatformContainers(int storeDiskMb) {
        this.storeDiskMb = storeDiskMb;
    }

    void start() throws IOException {
        images.requireAll();
        secretsFile = Files.createTempFile("platform-secrets", ".properties");
        Files.delete(secretsFile);
        secrets = PlatformSecrets.ensure(secretsFile);

        GenericContainer<?> mongo = infrastructure(images.mongo, "mongo")
                .withEnv("PLATFORM_COMMAND", "mongo").withEnv("PLATFORM_DATA_DIR", "/data/db")
                .withEnv("JAVA_OPTS", "-Xmx512m -XX:+UseSerialGC")
                .withExposedPorts(27017).waitingFor(Wait.forListeningPort().withStartupTimeout(Duration.ofMinutes(8)));
        if (hostFaultsUnavailable == null) {
            // on the host, so that it outlives a kill -9 of the container, and small, so that it can fill up
            storeDisk = Files.createTempDirectory("platform-store-disk");
            HostFaults.mountSmallDisk(storeDisk, storeDiskMb);
            mongo.withFileSystemBind(storeDisk.toString(), "/data/db");
        }
        GenericContainer<?> kafka = infrastructure(images.kafka, "kafka")
                .withEnv(kafkaEnvironment())
                // locked as in docker-compose.yml: SASL/SCRAM users from the secrets file, ACLs, no topic by naming it
                .withCopyFileToContainer(MountableFile.forHostPath(secretsFile, 0600), SECRETS)
                .withCopyFileToContainer(MountableFile.forHostPath(composeFile("docker/kafka-start.sh"), 0644),
                        "/platform/kafka-start.sh")
                .withCreateContainerCmdModifier(cmd -> cmd.withUser("0:0").withEntrypoint("sh", "/platform/kafka-start.sh"))
                .withExposedPorts(9092)
                // the host's own listener on a fixed port, so the broker can advertise it; added to Testcontainers' bindings
                .withCreateContainerCmdModifier(cmd -> {
                    Ports ports = cmd.getHostConfig().getPortBindings() == null ? new Ports() : cmd.getHostConfig().getPortBindings();
                    ports.bind(ExposedPort.tcp(kafkaExternalPort), Ports.Binding.bindPort(kafkaExternalPort));
                    cmd.getHostConfig().withPortBindings(ports);
                    List<ExposedPort> exposed = new ArrayList<>(List.of(cmd.getExposedPorts()));
                    exposed.add(ExposedPort.tcp(kafkaExternalPort));
                    cmd.withExposedPorts(exposed);
                })
                .waitingFor(Wait.forListeningPort().withStartupTimeout(Duration.ofMinutes(2)));
        GenericContainer<?> auth = service("auth-server", "auth-server", 9000, Map.of(
                "AUTH_ISSUER_URI", ISSUER, "AUTH_SIGNING_KEY_FILE", "/tmp/auth-signing-key.json",
                "GATEWAY_PUBLIC_URL", "http://localhost:8080"));
        Startables.deepStart(mongo, kafka, auth).join();
        // as the compose file's kafka-setup: the topics, the services' users and their ACLs, before any service starts
        BusSetup.apply(kafkaClient(), BusCredentials.from(secrets), BusSettings.SINGLE_BROKER);

        List<GenericContainer<?>> services = new ArrayList<>();
        services.add(service("project-service", "project-service", 8081, Map.of("MONGODB_DATABASE", "projects")));
        services.add(service("funding-service", "funding-1", 8082, Map.of("MONGODB_DATABASE", "funding")));
        services.add(service("funding-service", "funding-2", 8082, Map.of("MONGODB_DATABASE", "funding")));
        services.add(service("platform-registry-service", "platform-registry-service", 8083, Map.of("MONGODB_DATABASE", "registry")));
        services.add(service("reporting-service", "reporting-service", 8084, Map.of("MONGODB_DATABASE", "reporting")));
        Startables.deepStart(services).join();

        Map<String, String> routes = new LinkedHashMap<>();
        routes.put("PROJECT_SERVICE_URL", "http://project-service:8081");
        routes.put("FUNDING_SERVICE_URL", "lb://funding-service");
        routes.put("REGISTRY_SERVICE_URL", "http://platform-registry-service:8083");
        routes.put("REPORTING_SERVICE_URL", "http://reporting-service:8084");
        routes.put("SPRING_APPLICATION_JSON", "{\"spring\":{\"cloud\":{\"discovery\":{\"client\":{\"simple\":{\"instances\":"
                + "{\"funding-service\":[{\"uri\":\"http://funding-1:8082\"},{\"uri\":\"http://funding-2:8082\"}]}}}}}}}");
        routes.put("GATEWAY_RATE_LIMIT", "1000");
        routes.put("GATEWAY_RATE_LIMIT_PERIOD", "1s");
        service("gateway", "gateway", 8080, routes).start();
    }

    private GenericContainer<?> infrastructure(String image, String alias) {
        GenericContainer<?> container = Images.PROJECT.equals(image)
                ? new GenericContainer<>(images.service("embedded-stack"))
                : new GenericContainer<>(image);
        container.withNetwork(network).withNetworkAliases(alias);
        containers.put(alias, container);
        aliases.put(alias, List.of(alias));
        return container;
    }

    private Map<String, String> kafkaEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        // docker/kafka-start.sh configures apache/kafka; the project's embedded broker reads the PLATFORM_* ones
        env.put("KAFKA_HEAP_OPTS", "-Xmx512m -Xms256m");
        env.put("KAFKA_DATA_DIR", "/var/lib/kafka/data");
        env.put("KAFKA_ADVERTISED_HOST", "kafka");
        env.put("KAFKA_EXTERNAL_HOST", "localhost");
        env.put("KAFKA_EXTERNAL_PORT", String.valueOf(kafkaExternalPort));
        env.put("PLATFORM_COMMAND", "kafka");
        env.put("PLATFORM_DATA_DIR", "/var/lib/kafka/data");
        env.put("PLATFORM_SECRETS_FILE", SECRETS);
        env.put("JAVA_OPTS", "-Xmx512m -XX:+UseSerialGC");
        return env;
    }

    /** A file of the repository (the reactor's root is this module's parent). */
    private static java.nio.file.Path composeFile(String path) {
        return java.nio.file.Path.of(System.getProperty("platform.home", "..")).resolve(path).toAbsolutePath().normalize();
    }

    private GenericContainer<?> service(String module, String alias, int port, Map<String, String> own) {
        int fixedHostPort = alias.equals("gateway") ? gatewayPort : alias.equals("auth-server") ? authPort : 0;
        GenericContainer<?> container = new ServiceContainer(images.service(module), fixedHostPort, port);
        container.withNetwork(network).withNetworkAliases(alias)
                .withCopyFileToContainer(MountableFile.forHostPath(secretsFile, 0644), SECRETS)
                .withEnv("SERVER_PORT", String.valueOf(port))
                .withEnv("JAVA_OPTS", JAVA_OPTS)
                .withEnv("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                .withEnv("MONGODB_URI", "mongodb://mongo:27017")
                .withEnv("AUTH_ISSUER_URI", ISSUER)
                .withEnv("AUTH_JWK_SET_URI", ISSUER + "/oauth2/jwks")
                .withEnv("PLATFORM_SECRETS_FILE", SECRETS)
                .withEnv(own)
                .withExposedPorts(port)
                // as docker-compose.yml: health and metrics on the container's loopback only (the wait asks from
                // inside, as docker's health check does); the authorization server answers its health on its own port
                .withEnv(module.equals("auth-server") ? Map.of() : Map.of("MANAGEMENT_PORT", "9090"))
                .waitingFor(new InsideHealthCheck(Duration.ofMinutes(8)));
        containers.put(alias, container);
        aliases.put(alias, List.of(alias));
        return container;
    }

    /** Waits until the container's own health check ({@code /app/healthcheck.sh}) passes, run inside it. */
    private static final class InsideHealthCheck extends org.testcontainers.containers.wait.strategy.AbstractWaitStrategy {
        InsideHealthCheck(Duration timeout) {
            withStartupTimeout(timeout);
        }

        @Override
        protected void waitUntilReady() {
            long deadline = System.nanoTime() + startupTimeout.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (waitStrategyTarget.execInContainer("bash", "/app/healthcheck.sh").getExitCode() == 0) {
                        return;
                    }
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (IOException | RuntimeException e) {
                    // not up yet
                }
            }
            throw new org.testcontainers.containers.ContainerLaunchException("not healthy after " + startupTimeout);
        }
    }

    /** A service's container; optionally on a fixed host port, which a restart keeps. */
    private static final class ServiceContainer extends GenericContainer<ServiceContainer> {
        ServiceContainer(java.util.concurrent.Future<String> image, int hostPort, int port) {
            super(image);
            if (hostPort > 0) {
                addFixedExposedPort(hostPort, port);
            }
        }
    }

    @Override
    public String gateway() {
        return "http://localhost:" + gatewayPort;
    }

    @Override
    public String authorizationServer() {
        return "http://localhost:" + authPort;
    }

    String kafkaBootstrap() {
        return "localhost:" + kafkaExternalPort;
    }

    /** A Kafka client's settings as the broker's administrator, on the host's listener. */
    @Override
    public Map<String, Object> kafkaClient() {
        return BusCredentials.from(secrets).client(BusCredentials.ADMIN, kafkaBootstrap());
    }

    @Override
    public String mongoUri() {
        // asked of Docker each time: a container killed and started again gets a new host port
        var bindings = docker().inspectContainerCmd(containers.get("mongo").getContainerId()).exec()
                .getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(27017));
        return "mongodb://localhost:" + bindings[0].getHostPortSpec();
    }

    @Override
    public String secret(String clientId) {
        return secrets.getProperty("client." + clientId + ".secret");
    }

    // ---- faults -------------------------------------------------------------------------------------------

    private DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    /** kill -9: the process gets no chance to finish anything. */
    void kill(String alias) {
        docker().killContainerCmd(containers.get(alias).getContainerId()).withSignal("KILL").exec();
    }

    /** Starts a killed container again (same file system, same network aliases) and waits until it is healthy. */
    void restart(String alias) throws InterruptedException {
        GenericContainer<?> container = containers.get(alias);
        docker().startContainerCmd(container.getContainerId()).exec();
        awaitHealthy(alias);
    }

    void pause(String alias) {
        docker().pauseContainerCmd(containers.get(alias).getContainerId()).exec();
    }

    void unpause(String alias) {
        docker().unpauseContainerCmd(containers.get(alias).getContainerId()).exec();
    }

    void disconnect(String alias) {
        docker().disconnectFromNetworkCmd().withNetworkId(network.getId())
                .withContainerId(containers.get(alias).getContainerId()).withForce(true).exec();
    }

    void reconnect(String alias) {
        docker().connectToNetworkCmd().withNetworkId(network.getId())
                .withContainerId(containers.get(alias).getContainerId())
                .withContainerNetwork(new ContainerNetwork().withAliases(aliases.get(alias))).exec();
    }

    /** Each container's warnings and errors, into {@code dir}, for a run that found discrepancies. */
    void writeWarnings(Path dir) throws IOException {
        for (var entry : containers.entrySet()) {
            String warnings = entry.getValue().getLogs().lines()
                    .filter(l -> l.contains(" WARN ") || l.contains(" ERROR ") || l.contains("Exception"))
                    .collect(java.util.stream.Collectors.joining("\n"));
            Files.writeString(dir.resolve("fault-suite-" + entry.getKey() + "-warnings.log"), warnings);
        }
    }

    /** The container's main process, as the host sees it (for {@link HostFaults}). */
    long pid(String alias) {
        return docker().inspectContainerCmd(containers.get(alias).getContainerId()).exec().getState().getPidLong();
    }

    /** The size of the store's files on its disk, in MiB (-1 where the store is not on a disk of the suite's). */
    long storeMiB() {
        if (storeDisk == null) {
            return -1;
        }
        try (var files = Files.walk(storeDisk.resolve("mongo"))) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum() / (1024 * 1024);
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    /** Resident memory of each running container, in MiB (the soak's memory over time). */
    Map<String, Long> memoryMiB() {
        Map<String, Long> memory = new LinkedHashMap<>();
        containers.forEach((alias, c) -> {
            try {
                var result = c.execInContainer("sh", "-c", "cat /sys/fs/cgroup/memory.current 2>/dev/null"
                        + " || cat /sys/fs/cgroup/memory/memory.usage_in_bytes");
                memory.put(alias, Long.parseLong(result.getStdout().trim()) / (1024 * 1024));
            } catch (Exception e) {
                memory.put(alias, -1L);
            }
        });
        return memory;
    }

    /** Waits until the container's own health check passes (services), or its port answers (infrastructure). */
    void awaitHealthy(String alias) throws InterruptedException {
        GenericContainer<?> container = containers.get(alias);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
        boolean infrastructure = alias.equals("kafka") || alias.equals("mongo");
        int port = alias.equals("kafka") ? 9092 : alias.equals("mongo") ? 27017 : -1;
        while (System.nanoTime() < deadline) {
            try {
                var result = infrastructure
                        ? container.execInContainer("bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + port)
                        : container.execInContainer("bash", "/app/healthcheck.sh");
                if (result.getExitCode() == 0) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(alias + " did not become healthy after its restart; logs:\n" + container.getLogs());
    }

    @Override
    public void close() {
        List<GenericContainer<?>> all = new ArrayList<>(containers.values());
        java.util.Collections.reverse(all);
        for (GenericContainer<?> c : all) {
            try {
                c.stop();
            } catch (RuntimeException ignored) {
                // best effort
            }
        }
        network.close();
        if (storeDisk != null) {
            HostFaults.unmount(storeDisk);
        }
        try {
            if (secretsFile != null) {
                Files.deleteIfExists(secretsFile);
            }
        } catch (IOException ignored) {
            // a temp file
        }
    }
}
