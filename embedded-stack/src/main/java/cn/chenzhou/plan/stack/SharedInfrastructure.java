package cn.chenzhou.plan.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real Kafka broker and one MongoDB-wire server per test JVM, on free ports, started on first use and
 * stopped when the JVM exits. Integration tests of every module use this instead of mocks.
 * A test that stops the broker (to prove the outbox waits for it) must restart it with {@link #restartKafka()}.
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
            kafka = new EmbeddedKafka(FreePorts.next(), FreePorts.next(), dir, "localhost").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mongo = new EmbeddedMongo("localhost", FreePorts.next(), null).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            mongo.stop();
        }, "test-infrastructure-stop"));
    }

    public static String kafkaBootstrapServers() {
        start();
        return kafka.bootstrapServers();
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
