package cn.chenzhou.plan.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/**
 * Faults that need the machine the containers run on, not only the Docker API: a small file system for the store
 * (a tmpfs mounted on the host and bound into the container, so that it survives the container being killed and
 * restarted, and fills up for real), and a slow, lossy network inside a container's network namespace (the images
 * carry no {@code tc}, so it runs from the host through {@code nsenter}). Possible where the suite runs as root beside
 * a local Docker engine, with {@code mount}, {@code nsenter}, {@code tc} and {@code iptables}; elsewhere these faults
 * are left out and the report says why.
 */
final class HostFaults {
    private HostFaults() {
    }

    /** Null if the host faults can be injected here, else why not. */
    static String unavailable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "the suite does not run as root";
        }
        String host = DockerClientFactory.instance().dockerHostIpAddress();
        if (!("localhost".equals(host) || "127.0.0.1".equals(host))) {
            return "the Docker engine is not on this machine (" + host + ")";
        }
        for (String tool : List.of("mount", "umount", "nsenter", "tc", "iptables")) {
            if (run(List.of("sh", "-c", "command -v " + tool)).exitCode() != 0) {
                return tool + " is not installed here";
            }
        }
        return null;
    }

    /** A tmpfs of {@code megabytes} at {@code dir}, on the host. */
    static void mountSmallDisk(Path dir, int megabytes) throws IOException {
        Files.createDirectories(dir);
        require(run(List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", dir.toString())), "mount");
    }

    static void unmount(Path dir) {
        run(List.of("umount", "-l", dir.toString()));
    }

    /** Fills the file system at {@code dir} to the last byte (a file that grows until the disk refuses). */
    static long fill(Path dir) {
        run(List.of("sh", "-c", "dd if=/dev/zero of=" + dir.resolve("disk-filler") + " bs=1M 2>/dev/null; true"));
        try {
            return Files.size(dir.resolve("disk-filler"));
        } catch (IOException e) {
            return -1;
        }
    }

    static void free(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve("disk-filler"));
    }

    /**
     * Makes the container's network slow and lossy (both directions of its interface). With {@code netem} where the
     * kernel has it (delay with jitter, 5 % loss); otherwise — as here, a kernel without {@code sch_netem} — a token
     * bucket that holds the link to a trickle (queueing delay of up to 400 ms) and 5 % of packets dropped at random by
     * {@code iptables}. Returns what it did.
     */
    static String slowNetwork(long pid) {
        String ns = "nsenter -t " + pid + " -n ";
        List<String> interfaces = interfaces(pid);
        boolean netem = true;
        for (String device : interfaces) {
            netem &= run(List.of("sh", "-c", ns + "tc qdisc add dev " + device + " root netem delay 150ms 50ms loss 5%"))
                    .exitCode() == 0;
        }
        if (netem) {
            return "tc netem on " + interfaces + ": 150 ± 50 ms delay, 5 % loss";
        }
        for (String device : interfaces) {
            run(List.of("sh", "-c", ns + "tc qdisc del dev " + device + " root"));
            require(run(List.of("sh", "-c", ns + "tc qdisc add dev " + device
                    + " root tbf rate 2mbit burst 32kbit latency 400ms")), "tc tbf");
        }
        for (String chain : List.of("INPUT", "OUTPUT")) {
            require(run(List.of("sh", "-c", ns + "iptables -A " + chain
                    + " -m statistic --mode random --probability 0.05 -j DROP")), "iptables");
        }
        return "no sch_netem in this kernel: tc tbf on " + interfaces + " at 2 Mbit/s with up to 400 ms of queueing"
                + " delay, and 5 % of packets dropped each way by iptables";
    }

    static void normalNetwork(long pid) {
        String ns = "nsenter -t " + pid + " -n ";
        for (String device : interfaces(pid)) {
            run(List.of("sh", "-c", ns + "tc qdisc del dev " + device + " root"));
        }
        run(List.of("sh", "-c", ns + "iptables -F INPUT; " + ns + "iptables -F OUTPUT"));
    }

    /** The container's network interfaces but the loopback (eth0, or eth1 after a reconnection). */
    private static List<String> interfaces(long pid) {
        Result r = run(List.of("sh", "-c", "nsenter -t " + pid + " -n ip -o link show | awk -F': ' '{print $2}'"
                + " | cut -d@ -f1"));
        List<String> devices = new ArrayList<>();
        for (String d : r.output().split("\\s+")) {
            if (!d.isBlank() && !d.equals("lo")) {
                devices.add(d);
            }
        }
        if (devices.isEmpty()) {
            throw new IllegalStateException("no network interface in the namespace of " + pid + ": " + r.output());
        }
        return devices;
    }

    record Result(int exitCode, String output) {
    }

    private static void require(Result r, String what) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException(what + " failed: " + r.output());
        }
    }

    private static Result run(List<String> command) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out: " + command);
            }
            return new Result(p.exitValue(), output.trim());
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
