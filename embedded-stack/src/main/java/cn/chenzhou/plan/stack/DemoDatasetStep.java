package cn.chenzhou.plan.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The demo plan on a new platform's first start, so a newcomer's first look at the dashboard shows the eleven
 * counties living through 2012–2014. It runs the client SDK's command line ({@code platform-cli.jar load-demo}) as
 * a child process, through the gateway, as each county portal, finance and the plan office — the launcher itself
 * depends on nothing of the SDK.
 *
 * <p>Decided once per data directory, and recorded in it ({@value #MARKER}): a new data directory gets the demo
 * unless it was started with {@code --no-demo} or {@code PLATFORM_DEMO=false}; a data directory that already held
 * data, or where the demo was loaded or declined, never gets it (again). A new data directory that gets it is marked
 * {@code pending} before anything is written into it ({@link #decide}); a load that fails or never started leaves it
 * pending: the next start tries again, and the load resumes where it stopped.
 */
public final class DemoDatasetStep {
    static final String MARKER = "demo-dataset.properties";
    private static final String PENDING = "pending";
    /** The console line that says the demo plan is in: scripts and tests that need it wait for this line. */
    public static final String LOADED = "demo dataset: loaded — the dashboard shows the demo plan";
    private final StackSettings settings;
    private final PrintStream out;
    private volatile Process loader;

    DemoDatasetStep(StackSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Whether the data directory is new: decided before anything of this start writes into it. */
    static boolean isNewDataDirectory(Path dataDir) {
        return !Files.exists(dataDir.resolve("mongo"));
    }

    /**
     * Called once the data directory's newness is known and before this start writes into it: a new data directory
     * that is to get the demo is marked pending, so that a start that dies before the load finished is not mistaken,
     * next time, for a directory that held data before.
     */
    void decide(boolean newDataDirectory) {
        Path marker = settings.dataDir().resolve(MARKER);
        if (newDataDirectory && settings.demo() && read(marker) == null) {
            record(marker, PENDING, "to be loaded once the platform is ready");
        }
    }

    void runOnFirstStart(boolean newDataDirectory) {
        Path marker = settings.dataDir().resolve(MARKER);
        Properties recorded = read(marker);
        boolean pending = recorded != null && PENDING.equals(recorded.getProperty("status"));
        if (recorded != null && !pending) {
            out.printf("demo dataset: %s on %s; not loaded again%n", recorded.getProperty("status"), recorded.getProperty("at"));
            return;
        }
        if (!settings.demo()) {
            record(marker, "skipped", "declined at the first start (--no-demo or PLATFORM_DEMO=false)");
            out.println("demo dataset: skipped (--no-demo); load it later with ./platform demo");
            return;
        }
        if (!newDataDirectory && !pending) {
            record(marker, "skipped", "the data directory held data before the demo dataset existed");
            out.println("demo dataset: skipped, the data directory is not new; load it with ./platform demo if wanted");
            return;
        }
        Path jar = settings.cliJar();
        if (!Files.isRegularFile(jar)) {
            out.println("demo dataset: not loaded, " + jar + " is missing (./platform build); the next start tries again");
            return;
        }
        out.println("demo dataset: loading the demo plan (11 counties, 2012–2014) through the gateway …");
        int exit = load(jar);
        if (exit == 0) {
            record(marker, "loaded", "through the gateway by platform-cli load-demo");
            out.println(LOADED);
        } else {
            out.println("demo dataset: not loaded (the loader ended with " + exit + "); the platform runs without it,"
                    + " the next start tries again, or run ./platform demo");
        }
    }

    private int load(Path jar) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "load-demo",
                "--gateway", settings.url(settings.gatewayPort()), "--auth", settings.url(settings.authPort()),
                "--secrets-file", settings.dataDir().resolve("secrets/platform-secrets.properties").toString());
        try {
            // the loader's progress goes straight to this console (a bar on a terminal, lines in a log)
            loader = new ProcessBuilder(command).inheritIO().start();
            if (!loader.waitFor(settings.demoTimeoutSeconds(), TimeUnit.SECONDS)) {
                loader.destroyForcibly();
                out.println("demo dataset: gave up after " + settings.demoTimeoutSeconds() + " s");
                return -1;
            }
            return loader.exitValue();
        } catch (IOException e) {
            out.println("demo dataset: could not start the loader: " + e.getMessage());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return -1;
        }
    }

    /** Stops a load still running (the platform is stopping). */
    void stop() {
        Process running = loader;
        if (running != null && running.isAlive()) {
            running.destroy();
            try {
                if (!running.waitFor(10, TimeUnit.SECONDS)) {
                    running.destroyForcibly();
                }
            } catch (InterruptedException e) {
                running.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Properties read(Path marker) {
        if (!Files.isRegularFile(marker)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + marker, e);
        }
    }

    private static void record(Path marker, String status, String how) {
        Properties p = new Properties();
        p.setProperty("status", status);
        p.setProperty("at", Instant.now().toString());
        p.setProperty("how", how);
        try {
            Files.createDirectories(marker.getParent());
            Path tmp = marker.resolveSibling(MARKER + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "the demo dataset of this data directory: decided once, at its first start");
            }
            Files.move(tmp, marker, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record " + marker, e);
        }
    }
}
