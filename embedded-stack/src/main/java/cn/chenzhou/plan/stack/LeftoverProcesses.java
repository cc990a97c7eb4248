package cn.chenzhou.plan.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Remembers the service processes of a running stack, so that a stack whose launcher was killed
 * (kill -9, lost terminal) does not leave services behind: the next start stops them first.
 */
final class LeftoverProcesses {
    private final Path pidFile;

    LeftoverProcesses(Path pidFile) {
        this.pidFile = pidFile;
    }

    void record(List<Long> pids) {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.write(pidFile, pids.stream().map(String::valueOf).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks every leftover service to stop at once, waits up to 20 s for them together, then kills what is left. */
    void stopAll(PrintStream out) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        List<ProcessHandle> leftovers = Files.readAllLines(pidFile).stream()
                .map(line -> ProcessHandle.of(Long.parseLong(line.trim())))
                .flatMap(Optional::stream)
                .filter(ProcessHandle::isAlive).filter(LeftoverProcesses::isOurs)
                .toList();
        for (ProcessHandle p : leftovers) {
            out.println("stopping a service left running by an earlier start (pid " + p.pid() + ")");
            p.destroy();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (ProcessHandle p : leftovers) {
            try {
                p.onExit().get(Math.max(1, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
                try {
                    // gone, and its ports with it, before this start checks them
                    p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception stillThere) {
                    out.println("a service left running by an earlier start (pid " + p.pid() + ") does not stop");
                }
            }
        }
        Files.delete(pidFile);
    }

    private static boolean isOurs(ProcessHandle process) {
        return process.info().arguments()
                .map(args -> String.join(" ", args).contains("-Dplatform.service="))
                .orElse(false);
    }
}
