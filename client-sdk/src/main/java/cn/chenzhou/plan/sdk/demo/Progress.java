package cn.chenzhou.plan.sdk.demo;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The loader's progress on the console. On a terminal: one bar redrawn in place. Elsewhere (a log, a pipe, the
 * launcher's output): a line at every tenth of the way and at each new phase, so the output stays readable.
 */
public final class Progress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean terminal;
    private final AtomicInteger done = new AtomicInteger();
    private final long started = System.nanoTime();
    private volatile int total = 1;
    private volatile String phase = "";
    private int lastTenth = -1;

    public Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A bar on a terminal (when the JVM has a console), lines otherwise. */
    public static Progress onConsole(PrintStream out) {
        return new Progress(out, System.console() != null);
    }

    /** Progress that shows nothing (tests, embedding). */
    public static Progress silent() {
        return new Progress(new PrintStream(PrintStream.nullOutputStream()), false);
    }

    void start(int commands) {
        total = Math.max(commands, 1);
        draw(true);
    }

    synchronized void phase(String name) {
        phase = name;
        if (!terminal) {
            out.printf("demo dataset: %s%n", name);
        } else {
            draw(true);
        }
    }

    /** One command applied, or found already applied. */
    void advance() {
        done.incrementAndGet();
        draw(false);
    }

    int done() {
        return done.get();
    }

    public synchronized void finish(String summary) {
        if (terminal) {
            draw(true);
            out.println();
        }
        out.println(summary);
    }

    private synchronized void draw(boolean force) {
        int n = Math.min(done.get(), total);
        int percent = n * 100 / total;
        if (terminal) {
            int filled = n * WIDTH / total;
            out.printf("\r[%s%s] %3d%% %d/%d  %-34s", "█".repeat(filled), "░".repeat(WIDTH - filled), percent, n, total,
                    phase.length() > 34 ? phase.substring(0, 34) : phase);
            out.flush();
        } else if (percent / 10 != lastTenth || force) {
            lastTenth = percent / 10;
            if (!force || n > 0) {
                out.printf("demo dataset: %3d%% (%d of %d commands, %.0f s)%n", percent, n, total,
                        (System.nanoTime() - started) / 1e9);
            }
        }
    }
}
