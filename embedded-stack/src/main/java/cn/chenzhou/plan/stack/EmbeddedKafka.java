package cn.chenzhou.plan.stack;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one), in this JVM.
 * Its log directory survives a stop: a second start on the same directory finds every topic and offset.
 *
 * <p>Locked: every client authenticates with SASL/SCRAM-SHA-512 ({@link BusCredentials}); the controller listener
 * takes only the broker itself (SASL/PLAIN, since KRaft controllers cannot check SCRAM credentials: those live in the
 * metadata they serve); KRaft's {@code StandardAuthorizer} refuses whatever no ACL allows, with the broker and the
 * launcher's administrator as the only super users; no topic is created by merely naming it. The broker's and the
 * administrator's credentials are written into the metadata when the directory is formatted; the services' users
 * and their ACLs are the administrator's business ({@link BusSetup}).
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String CLUSTER_ID = "Y2hlbnpob3UtcGxhbi0x";
    private static final int NODE_ID = 1;
    /** Written once the directory's metadata holds the broker's and the administrator's SCRAM credentials. */
    private static final String CREDENTIALS_MARKER = "platform-credentials";

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final String listenHost;
    private final String advertisedHost;
    private final BusCredentials credentials;
    private int externalPort;
    private String externalHost;
    private KafkaRaftServer server;

    /**
     * @param listenHost     the interface the client listener binds: 127.0.0.1 beside the services on one machine,
     *                       0.0.0.0 in a container whose network is the platform's own
     * @param advertisedHost the name clients are told to connect to
     */
    public EmbeddedKafka(int port, int controllerPort, Path logDir, String listenHost, String advertisedHost,
                         BusCredentials credentials) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir;
        this.listenHost = listenHost;
        this.advertisedHost = advertisedHost;
        this.credentials = credentials;
    }

    /**
     * A second listener for clients outside the network the broker advertises itself on (a container's host, say):
     * they connect to {@code externalHost:externalPort}, and authenticate as on the first.
     */
    public EmbeddedKafka withExternalListener(String externalHost, int externalPort) {
        this.externalHost = externalHost;
        this.externalPort = externalPort;
        return this;
    }

    public synchronized EmbeddedKafka start() {
        if (server != null) {
            return this;
        }
        PrivateFiles.directory(logDir);
        if (isFormatted() && !Files.exists(logDir.resolve(CREDENTIALS_MARKER))) {
            addCredentialsToAnOpenDirectory();
        }
        format();
        server = new KafkaRaftServer(KafkaConfig.fromProps(brokerProperties(), false), Time.SYSTEM);
        server.startup();
        log.info("Kafka broker listening on {} (SASL/SCRAM, ACLs)", bootstrapServers());
        return this;
    }

    private Properties brokerProperties() {
        Properties p = commonProperties(controllerPort);
        String broker = credentials.password(BusCredentials.BROKER);
        String external = externalPort > 0 ? ",EXTERNAL://0.0.0.0:" + externalPort : "";
        p.put("listeners", "CLIENTS://" + listenHost + ":" + port + ",CONTROLLER://127.0.0.1:" + controllerPort + external);
        p.put("advertised.listeners", "CLIENTS://" + advertisedHost + ":" + port
                + (externalPort > 0 ? ",EXTERNAL://" + externalHost + ":" + externalPort : ""));
        p.put("listener.security.protocol.map", "CLIENTS:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT,EXTERNAL:SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", "CLIENTS");
        p.put("sasl.mechanism.inter.broker.protocol", BusCredentials.MECHANISM);
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule"
                + " required username=\"" + BusCredentials.BROKER + "\" password=\"" + broker + "\" user_"
                + BusCredentials.BROKER + "=\"" + broker + "\";");
        for (String listener : List.of("clients", "external")) {
            p.put("listener.name." + listener + ".sasl.enabled.mechanisms", BusCredentials.MECHANISM);
            p.put("listener.name." + listener + ".scram-sha-512.sasl.jaas.config",
                    BusCredentials.scramLogin(BusCredentials.BROKER, broker));
        }
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + BusCredentials.BROKER + ";User:" + BusCredentials.ADMIN);
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    private Properties commonProperties(int controller) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controller);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("log.dirs", logDir.toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("default.replication.factor", "1");
        p.put("num.partitions", "3");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Events are the source of truth for reporting's rebuild: keep them.
        p.put("log.retention.ms", "-1");
        p.put("log.retention.bytes", "-1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("log.cleaner.threads", "1");
        p.put("num.recovery.threads.per.data.dir", "1");
        return p;
    }

    /** A new directory gets the broker's and the administrator's credentials in its first metadata; a formatted one is left alone. */
    private void format() {
        List<String> scram = new ArrayList<>();
        for (String user : List.of(BusCredentials.BROKER, BusCredentials.ADMIN)) {
            scram.add(BusCredentials.MECHANISM + "=[name=" + user + ",password=\"" + credentials.password(user) + "\"]");
        }
        boolean fresh = !isFormatted();
        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(CLUSTER_ID)
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setScramArguments(scram)
                .setIgnoreFormatted(true);
        try {
            formatter.run();
            if (fresh) {
                markCredentials();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka log directory " + logDir, e);
        }
    }

    private boolean isFormatted() {
        return Files.exists(logDir.resolve("meta.properties"));
    }

    /**
     * A directory formatted before the broker was locked has no credentials in its metadata, and they can only be added
     * through a running broker: start it once with no authentication on free loopback ports nobody was told about, add
     * the broker's and the administrator's credentials, stop it. Its topics and events are kept.
     */
    private void addCredentialsToAnOpenDirectory() {
        log.info("adding the broker's and the administrator's SCRAM credentials to {}", logDir);
        int openPort = FreePorts.next();
        int openController = FreePorts.next();
        Properties p = commonProperties(openController);
        p.put("listeners", "OPEN://127.0.0.1:" + openPort + ",CONTROLLER://127.0.0.1:" + openController);
        p.put("listener.security.protocol.map", "OPEN:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "OPEN");
        p.put("auto.create.topics.enable", "false");
        KafkaRaftServer open = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
        open.startup();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", "127.0.0.1:" + openPort))) {
            List<UserScramCredentialAlteration> upserts = new ArrayList<>();
            for (String user : List.of(BusCredentials.BROKER, BusCredentials.ADMIN)) {
                upserts.add(new UserScramCredentialUpsertion(user,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), credentials.password(user)));
            }
            admin.alterUserScramCredentials(upserts).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not add credentials to the Kafka log directory " + logDir, e);
        } finally {
            open.shutdown();
            open.awaitShutdown();
        }
        markCredentials();
    }

    private void markCredentials() {
        PrivateFiles.file(logDir.resolve(CREDENTIALS_MARKER));
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public BusCredentials credentials() {
        return credentials;
    }

    /** What a client needs to connect to this broker as {@code user}. */
    public Map<String, Object> client(String user) {
        return credentials.client(user, bootstrapServers());
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
        log.info("Kafka broker stopped");
    }

    @Override
    public void close() {
        stop();
    }
}
