package cn.chenzhou.plan.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One real Kafka broker and one MongoDB-wire server per test JVM, on free ports, started on first use and
 * stopped when the JVM exits. Integration tests of every module use this instead of mocks.
 * A test that stops the broker (to prove the outbox waits for it) must restart it with {@link #restartKafka()}.
 *
 * <p>The broker is locked as the platform's is (SASL/SCRAM, ACLs, no topic created by naming it) and set up by
 * {@link BusSetup}; tests and the services under test connect as its administrator ({@link #kafkaClient()}), so that
 * a test may make topics of its own. What each service's own user may do is checked where the platform runs as
 * {@code ./platform up} starts it.
 */
public final class SharedInfrastructure {
    private static EmbeddedKafka kafka;
    private static EmbeddedMongo mongo;

    private SharedInfrastructure() {
    }

    public static synchronized void start() {
        if (kafka != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("plan-test-kafka");
            kafka = new EmbeddedKafka(FreePorts.next(), FreePorts.next(), dir, "127.0.0.1", "localhost",
                    BusCredentials.generated()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BusSetup.apply(kafka.client(BusCredentials.ADMIN), kafka.credentials(), BusSettings.SINGLE_BROKER);
        mongo = new EmbeddedMongo("127.0.0.1", FreePorts.next(), null).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            mongo.stop();
        }, "test-infrastructure-stop"));
    }

    public static String kafkaBootstrapServers() {
        start();
        return kafka.bootstrapServers();
    }

    /** Bootstrap servers and the administrator's SASL settings: a map to build any Kafka client from (a copy). */
    public static Map<String, Object> kafkaClient() {
        start();
        return new java.util.HashMap<>(kafka.client(BusCredentials.ADMIN));
    }

    /** The broker's users, for tests of what each may do. */
    public static BusCredentials kafkaCredentials() {
        start();
        return kafka.credentials();
    }

    /** A connection string for a database of the caller's choosing, e.g. one per test class. */
    public static String mongoUri(String database) {
        start();
        return mongo.connectionString() + "/" + database;
    }

    public static synchronized void stopKafka() {
        kafka.stop();
    }

    public static synchronized void restartKafka() {
        kafka.start();
    }
}
