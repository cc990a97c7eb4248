package cn.chenzhou.plan.stack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded MongoDB-wire-protocol server (mongo-java-server) on the H2 backend (queries that fix {@code _id} read one
 * document: {@link IdLookupH2Backend}).
 * With a file, a reply is sent only once what it shows is on disk ({@link DurableBackend}: group commit with
 * {@code fsync}), so neither a kill -9 nor a power cut takes back a write that a client was told succeeded.
 */
public final class EmbeddedMongo implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final String host;
    private final int port;
    private final Path file;
    private final String storeName;
    private MongoBackend backend;
    private MongoServer server;

    /**
     * @param file H2 file for durable data, or {@code null} for an in-memory store
     */
    public EmbeddedMongo(String host, int port, Path file) {
        this(host, port, file, file == null ? null : file.toAbsolutePath().toString());
    }

    /** @param storeName the MVStore file name, which may name one of H2's file systems (tests: a disk that fills up) */
    EmbeddedMongo(String host, int port, Path file, String storeName) {
        this.host = host;
        this.port = port;
        this.file = file;
        this.storeName = storeName;
    }

    public synchronized EmbeddedMongo start() {
        if (server != null) {
            return this;
        }
        if (storeName == null) {
            backend = IdLookupH2Backend.open(null);
        } else {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            backend = new DurableBackend(storeName);
        }
        server = new MongoServer(backend);
        server.bind(host, port);
        log.info("MongoDB-wire server listening on {}:{} ({})", host, port, file == null ? "in memory" : file);
        return this;
    }

    public String connectionString() {
        return "mongodb://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        if (backend instanceof DurableBackend durable) {
            log.info("group commit: {}", durable.statistics());
        }
        // closes the backend too (a durable one commits what is left first)
        server.shutdownNow();
        backend.close();
        server = null;
        backend = null;
        log.info("MongoDB-wire server stopped");
    }

    @Override
    public void close() {
        stop();
    }
}
