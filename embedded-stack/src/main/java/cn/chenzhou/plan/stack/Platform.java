package cn.chenzhou.plan.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The embedded platform in one command.
 *
 * <pre>
 *   up [--no-demo]  Kafka broker and MongoDB-wire server in this JVM, every service and Zipkin as its own JVM;
 *           "READY http://localhost:8080" once all answer; then, on a new data directory, the demo plan loaded
 *           through the gateway;
 *           Ctrl-C / SIGTERM stops everything
 *   kafka   only the Kafka broker (for a container, or beside services started by hand)
 *   kafka-setup  as the broker's administrator: the platform's topics, the services' users and their ACLs
 *           (KAFKA_BOOTSTRAP_SERVERS; for a broker of one's own, e.g. apache/kafka in docker-compose.yml)
 *   mongo   only the MongoDB-wire server
 *   secrets [file]  create (or complete) the client secrets and staff passwords file, then exit
 * </pre>
 */
public final class Platform {
    private static final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private final StackSettings settings;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final DemoDatasetStep demo;
    private EmbeddedKafka kafka;
    private EmbeddedMongo mongo;
    private LeftoverProcesses leftovers;
    private volatile boolean stopping;
    private final CountDownLatch stopped = new CountDownLatch(1);

    Platform(StackSettings settings) {
        this.settings = settings;
        this.demo = new DemoDatasetStep(settings, out);
    }

    public static void main(String[] args) throws Exception {
        // a container image runs the jar without arguments; PLATFORM_COMMAND picks the role (kafka, mongo, secrets)
        String command = args.length > 0 ? args[0] : System.getenv().getOrDefault("PLATFORM_COMMAND", "up");
        Path home = Path.of(System.getProperty("platform.home", ".")).toAbsolutePath().normalize();
        StackSettings settings = StackSettings.fromEnvironment(System.getenv(), home);
        // the broker and the wire server log to a file; the console shows only the platform's progress
        System.setProperty("platform.log.dir", settings.dataDir().resolve("logs").toString());
        System.setProperty("logback.configurationFile", "platform-logback.xml");
        switch (command) {
            case "up" -> {
                boolean noDemo = java.util.Arrays.asList(args).contains("--no-demo");
                Platform platform = new Platform(noDemo ? settings.withoutDemo() : settings);
                try {
                    platform.up();
                } catch (Exception e) {
                    System.err.println("the platform did not start: " + e.getMessage());
                    platform.stop();
                    System.exit(1);
                }
                System.exit(0);
            }
            case "kafka" -> {
                // in a container: every interface of the container's own network; the users come from the secrets file
                EmbeddedKafka kafka = new EmbeddedKafka(settings.kafkaPort(), settings.kafkaControllerPort(),
                        settings.dataDir().resolve("kafka"), "0.0.0.0",
                        System.getenv().getOrDefault("KAFKA_ADVERTISED_HOST", "localhost"),
                        BusCredentials.from(PlatformSecrets.ensure(secretsFile(settings))));
                String externalPort = System.getenv("KAFKA_EXTERNAL_PORT");
                if (externalPort != null && !externalPort.isBlank()) {
                    kafka.withExternalListener(System.getenv().getOrDefault("KAFKA_EXTERNAL_HOST", "localhost"),
                            Integer.parseInt(externalPort.trim()));
                }
                runAlone(kafka);
            }
            case "secrets" -> {
                Path file = args.length > 1 ? Path.of(args[1]) : secretsFile(settings);
                PlatformSecrets.ensure(file);
                out.println("secrets in " + file.toAbsolutePath());
            }
            case "kafka-setup" -> setUpBus(System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap()),
                    BusCredentials.from(PlatformSecrets.ensure(secretsFile(settings))));
            case "mongo" -> runAlone(new EmbeddedMongo("0.0.0.0", settings.mongoPort(), settings.dataDir().resolve("mongo/platform")));
            default -> {
                System.err.println("usage: Platform up|kafka|kafka-setup|mongo|secrets [file]");
                System.exit(2);
            }
        }
    }

    private static Path secretsFile(StackSettings settings) {
        return Path.of(System.getenv().getOrDefault("PLATFORM_SECRETS_FILE",
                settings.dataDir().resolve("secrets/platform-secrets.properties").toString()));
    }

    /** Sets the bus up as its administrator, waiting up to two minutes for the broker to answer. */
    private static void setUpBus(String bootstrap, BusCredentials credentials) throws InterruptedException {
        BusSettings bus = BusSettings.fromEnvironment(System.getenv());
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            try {
                BusSetup.apply(credentials.client(BusCredentials.ADMIN, bootstrap), credentials, bus);
                out.println("READY kafka-setup " + bootstrap);
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                out.println("waiting for the broker at " + bootstrap + ": " + e.getMessage());
                Thread.sleep(2000);
            }
        }
    }

    private static void runAlone(AutoCloseable component) throws Exception {
        if (component instanceof EmbeddedKafka k) {
            k.start();
            out.println("READY kafka " + k.bootstrapServers());
        } else if (component instanceof EmbeddedMongo m) {
            m.start();
            out.println("READY mongo " + m.connectionString());
        }
        CountDownLatch latch = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                component.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
            latch.countDown();
        }));
        latch.await();
    }

    void up() throws Exception {
        long started = System.nanoTime();
        boolean newDataDirectory = DemoDatasetStep.isNewDataDirectory(settings.dataDir());
        // the store, the broker's logs, the services' logs and the secrets: their owner's only
        PrivateFiles.directory(settings.dataDir());
        PrivateFiles.restrict(settings.dataDir());
        if (PrivateFiles.umaskIsLoose(settings.dataDir())) {
            progress(started, "warning: this process's umask lets others read the files it creates (./platform sets"
                    + " umask 077); the data directory itself is closed to them");
        }
        demo.decide(newDataDirectory);
        Path logDir = PrivateFiles.directory(settings.dataDir().resolve("logs"));
        leftovers = new LeftoverProcesses(settings.dataDir().resolve("run/pids"));
        leftovers.stopAll(out);
        requireFreePorts();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "platform-stop"));

        Properties secrets = PlatformSecrets.ensure(secretsFile(settings));
        BusCredentials bus = BusCredentials.from(secrets);
        progress(started, "starting Kafka broker (KRaft, SASL/SCRAM, ACLs) on 127.0.0.1:" + settings.kafkaPort());
        kafka = new EmbeddedKafka(settings.kafkaPort(), settings.kafkaControllerPort(),
                settings.dataDir().resolve("kafka"), "127.0.0.1", "localhost", bus).start();
        BusSettings topics = BusSettings.fromEnvironment(System.getenv());
        BusSetup.apply(kafka.client(BusCredentials.ADMIN), bus, topics);
        progress(started, "starting MongoDB-wire server (H2, " + settings.dataDir().resolve("mongo") + ") on 127.0.0.1:" + settings.mongoPort());
        mongo = new EmbeddedMongo("127.0.0.1", settings.mongoPort(), settings.dataDir().resolve("mongo/platform")).start();

        defineServices(logDir);
        for (ServiceProcess service : services) {
            progress(started, "starting " + service.name() + " on :" + service.port());
            service.start(settings.javaOptionsFor(service.name()));
        }
        leftovers.record(services.stream().map(ServiceProcess::pid).toList());
        recordManagementPorts();

        awaitHealthy(started);
        // a service that dies from now on is restarted, also while the demo plan loads through the gateway
        Thread supervisor = new Thread(() -> {
            try {
                superviseUntilStopped();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "platform-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
        // READY as soon as the gateway and every service answer; on a first start the demo plan then loads through
        // the gateway — open the dashboard and watch the counties fill in, live
        out.printf("READY %s%n", settings.url(settings.gatewayPort()));
        if (settings.traces().enabled()) {
            out.printf("traces (Zipkin): %s%n", settings.traces().url());
        }
        demo.runOnFirstStart(newDataDirectory);
        stopped.await();
    }

    /**
     * The gateway and the authorization server listen on every interface: they are the platform's front doors. The
     * services listen on loopback only, and every health and metrics endpoint on a loopback port of its own (chosen
     * at each start, listed in {@code run/management-ports.properties}) that the gateway does not route.
     */
    private void defineServices(Path logDir) {
        if (settings.traces().enabled()) {
            // first, so that it answers by the time the services send their first spans
            services.add(new ServiceProcess(TraceViewer.NAME, TraceViewer.jar(settings.home()), settings.traces().port(), 0,
                    "/health", settings.traces().zipkinEnvironment(), logDir));
        }
        Path secrets = secretsFile(settings);
        String issuer = settings.url(settings.authPort());
        add("auth-server", settings.authPort(), Map.of(
                "PLATFORM_SECRETS_FILE", secrets.toString(),
                "AUTH_SIGNING_KEY_FILE", settings.dataDir().resolve("secrets/auth-signing-key.json").toString(),
                "AUTH_ISSUER_URI", issuer,
                "GATEWAY_PUBLIC_URL", settings.url(settings.gatewayPort())), Map.of(), logDir);
        Map<String, String> common = new LinkedHashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap());
        common.put("MONGODB_URI", settings.mongoUri());
        common.put("AUTH_ISSUER_URI", issuer);
        common.put("PLATFORM_SECRETS_FILE", secrets.toString());
        // the servers an API description names, whatever Host or X-Forwarded-* header a request carries
        common.put("GATEWAY_PUBLIC_URL", settings.url(settings.gatewayPort()));
        common.putAll(settings.traces().serviceEnvironment());
        add("project-service", settings.projectPort(), Map.of("MONGODB_DATABASE", "projects"), common, logDir);
        add("funding-service", settings.fundingPort(), Map.of("MONGODB_DATABASE", "funding"), common, logDir);
        add("platform-registry-service", settings.registryPort(), Map.of("MONGODB_DATABASE", "registry"), common, logDir);
        add("reporting-service", settings.reportingPort(), Map.of("MONGODB_DATABASE", "reporting"), common, logDir);
        add("gateway", settings.gatewayPort(), Map.of(
                "PROJECT_SERVICE_URL", settings.url(settings.projectPort()),
                "FUNDING_SERVICE_URL", settings.url(settings.fundingPort()),
                "REGISTRY_SERVICE_URL", settings.url(settings.registryPort()),
                "REPORTING_SERVICE_URL", settings.url(settings.reportingPort())), common, logDir);
    }

    private void add(String name, int port, Map<String, String> own, Map<String, String> common, Path logDir) {
        Map<String, String> env = new LinkedHashMap<>(common);
        env.putAll(own);
        env.putAll(settings.logFormat().serviceEnvironment());
        int managementPort = 0;
        if (!name.equals("auth-server")) {
            managementPort = FreePorts.next();
            env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
            env.put("MANAGEMENT_ADDRESS", "127.0.0.1");
        }
        if (!name.equals("auth-server") && !name.equals("gateway")) {
            env.put("SERVER_ADDRESS", "127.0.0.1");
        }
        Path jar = settings.home().resolve(name).resolve("target").resolve(name + ".jar");
        services.add(new ServiceProcess(name, jar, port, managementPort, "/actuator/health", env, logDir));
    }

    /** Where each component's health and metrics answer this time (loopback only), for operators and tools. */
    private void recordManagementPorts() throws IOException {
        Properties ports = new Properties();
        services.stream().filter(s -> s.managementPort() > 0)
                .forEach(s -> ports.setProperty(s.name(), String.valueOf(s.managementPort())));
        Path file = PrivateFiles.file(settings.dataDir().resolve("run/management-ports.properties"));
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ports.store(writer, "health and metrics (/actuator/health, /actuator/prometheus) on http://127.0.0.1:<port>");
        }
    }

    private void requireFreePorts() {
        List<String> busy = busyPorts(settings);
        if (!busy.isEmpty()) {
            throw new IllegalStateException("ports already in use: " + busy
                    + " (is a platform already running? choose others with these environment variables)");
        }
    }

    /** The ports this start needs that something else holds, each as its variable and value: "ZIPKIN_PORT=9411". */
    static List<String> busyPorts(StackSettings settings) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("KAFKA_PORT", settings.kafkaPort());
        ports.put("KAFKA_CONTROLLER_PORT", settings.kafkaControllerPort());
        ports.put("MONGO_PORT", settings.mongoPort());
        ports.put("GATEWAY_PORT", settings.gatewayPort());
        ports.put("AUTH_PORT", settings.authPort());
        ports.put("PROJECT_SERVICE_PORT", settings.projectPort());
        ports.put("FUNDING_SERVICE_PORT", settings.fundingPort());
        ports.put("REGISTRY_SERVICE_PORT", settings.registryPort());
        ports.put("REPORTING_SERVICE_PORT", settings.reportingPort());
        if (settings.traces().enabled()) {
            ports.put("ZIPKIN_PORT", settings.traces().port());
        }
        return ports.entrySet().stream()
                .filter(e -> !PortCheck.isFree(e.getValue()))
                .map(e -> e.getKey() + "=" + e.getValue())
                .toList();
    }

    private void awaitHealthy(long started) throws InterruptedException {
        List<ServiceProcess> waiting = new ArrayList<>(services);
        long deadline = System.nanoTime() + Duration.ofSeconds(settings.readyTimeoutSeconds()).toNanos();
        long lastReport = System.nanoTime();
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(service.name() + " exited during start; last lines of "
                            + service.logFile() + ":" + System.lineSeparator() + service.logTail(40));
                }
                if (service.isHealthy()) {
                    waiting.remove(service);
                    progress(started, "✓ " + service.name() + " healthy");
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not healthy after " + settings.readyTimeoutSeconds() + " s: "
                        + waiting.stream().map(ServiceProcess::name).collect(Collectors.joining(", ")));
            }
            if (!waiting.isEmpty() && System.nanoTime() - lastReport > Duration.ofSeconds(5).toNanos()) {
                progress(started, "waiting for " + waiting.stream().map(ServiceProcess::name).collect(Collectors.joining(", ")));
                lastReport = System.nanoTime();
            }
            Thread.sleep(250);
        }
    }

    /**
     * Restarts a service that dies after READY, so one crash does not take the platform down — with a back-off, and
     * not forever: see {@link Supervisor}.
     */
    private void superviseUntilStopped() throws InterruptedException {
        List<Supervisor.Supervised> supervised = services.stream().map(this::supervised).toList();
        Supervisor supervisor = new Supervisor(supervised, Supervisor.Policy.DEFAULT, System::nanoTime, out);
        while (!stopping) {
            supervisor.check();
            if (stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
                return;
            }
        }
    }

    private Supervisor.Supervised supervised(ServiceProcess service) {
        return new Supervisor.Supervised() {
            public String name() {
                return service.name();
            }

            public boolean isAlive() {
                // a service stopped on purpose is not one to restart
                return stopping || service.isAlive();
            }

            public String exit() {
                return service.exit();
            }

            public void start() {
                if (!stopping) {
                    service.start(settings.javaOptionsFor(service.name()));
                    // so that a next start after a kill -9 of this launcher stops the new process too
                    leftovers.record(services.stream().filter(ServiceProcess::isAlive).map(ServiceProcess::pid).toList());
                }
            }

            public String log() {
                return service.logFile().toString();
            }
        };
    }

    private synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        out.println("stopping the platform …");
        demo.stop();
        services.forEach(ServiceProcess::requestStop);
        services.forEach(s -> s.awaitStop(Duration.ofSeconds(20)));
        if (kafka != null) {
            kafka.stop();
        }
        if (mongo != null) {
            mongo.stop();
        }
        try {
            Files.deleteIfExists(settings.dataDir().resolve("run/pids"));
        } catch (IOException ignored) {
            // nothing left to stop; a stale file is harmless
        }
        out.println("stopped; data kept in " + settings.dataDir());
        stopped.countDown();
    }

    private static void progress(long started, String message) {
        out.printf("[%5.1fs] %s%n", (System.nanoTime() - started) / 1e9, message);
    }
}
