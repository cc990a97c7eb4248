package cn.chenzhou.plan.stack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded MongoDB-wire-protocol server (mongo-java-server) on the H2 backend (queries that fix {@code _id} read one
 * document: {@link IdLookupH2Backend}).
 * With a file, data survives a restart. H2 otherwise commits only in the background (about once a second);
 * we commit every {@value #COMMIT_INTERVAL_MS} ms and on stop, so a clean stop loses nothing and a kill -9
 * at most that window. It remains a convenience store: production uses MongoDB with journaling.
 */
public final class EmbeddedMongo implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    static final long COMMIT_INTERVAL_MS = 100;

    private final String host;
    private final int port;
    private final Path file;
    private H2Backend backend;
    private MongoServer server;
    private ScheduledExecutorService committer;

    /**
     * @param file H2 file for durable data, or {@code null} for an in-memory store
     */
    public EmbeddedMongo(String host, int port, Path file) {
        this.host = host;
        this.port = port;
        this.file = file;
    }

    public synchronized EmbeddedMongo start() {
        if (server != null) {
            return this;
        }
        if (file == null) {
            backend = IdLookupH2Backend.open(null);
        } else {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            backend = IdLookupH2Backend.open(file.toAbsolutePath().toString());
            committer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "mongo-h2-commit");
                t.setDaemon(true);
                return t;
            });
            committer.scheduleWithFixedDelay(this::commitQuietly, COMMIT_INTERVAL_MS, COMMIT_INTERVAL_MS, TimeUnit.MILLISECONDS);
        }
        server = new MongoServer((MongoBackend) backend);
        server.bind(host, port);
        log.info("MongoDB-wire server listening on {}:{} ({})", host, port, file == null ? "in memory" : file);
        return this;
    }

    private void commitQuietly() {
        try {
            backend.commit();
        } catch (RuntimeException e) {
            log.debug("H2 commit failed", e);
        }
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
        if (committer != null) {
            committer.shutdownNow();
            committer = null;
        }
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
