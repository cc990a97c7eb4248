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

    void stopAll(PrintStream out) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        for (String line : Files.readAllLines(pidFile)) {
            Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(line.trim()));
            handle.filter(ProcessHandle::isAlive).filter(LeftoverProcesses::isOurs).ifPresent(p -> {
                out.println("stopping a service left running by an earlier start (pid " + p.pid() + ")");
                p.destroy();
                try {
                    p.onExit().get(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    p.destroyForcibly();
                }
            });
        }
        Files.delete(pidFile);
    }

    private static boolean isOurs(ProcessHandle process) {
        return process.info().arguments()
                .map(args -> String.join(" ", args).contains("-Dplatform.service="))
                .orElse(false);
    }
}
