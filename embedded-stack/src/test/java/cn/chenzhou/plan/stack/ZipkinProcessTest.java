package cn.chenzhou.plan.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Zipkin, started as the launcher starts it: healthy, answering its API, and on loopback only. */
class ZipkinProcessTest {
    /** The repository's root: the build copies Zipkin's jar to embedded-stack/target/ before the tests run. */
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @Test
    void answersOnLoopbackAndOnNoOtherAddressOfThisMachine(@TempDir Path logs) throws Exception {
        assumeTrue(Files.isRegularFile(TraceViewer.jar(HOME)), "Zipkin's jar is copied by the build (mvn package)");
        int port = FreePorts.next();
        StackSettings settings = StackSettings.fromEnvironment(
                Map.of("ZIPKIN_PORT", String.valueOf(port), "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1"), HOME);
        ServiceProcess zipkin = new ServiceProcess(TraceViewer.NAME, TraceViewer.jar(HOME), port, 0, "/health",
                settings.traces().zipkinEnvironment(), logs);
        zipkin.start(settings.javaOptionsFor(TraceViewer.NAME));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!zipkin.isHealthy()) {
                assertThat(zipkin.isAlive()).as(zipkin.logTail(40)).isTrue();
                assertThat(System.nanoTime()).as("not healthy in 120 s: " + zipkin.logTail(40)).isLessThan(deadline);
                Thread.sleep(250);
            }
            HttpResponse<String> services = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v2/services")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(services.statusCode()).isEqualTo(200);
            assertThat(services.body()).isEqualTo("[]");

            Optional<InetAddress> other = otherAddressOfThisMachine();
            assumeTrue(other.isPresent(), "this machine has no address beyond loopback");
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(other.get(), port), 2000);
                }
            }).as("Zipkin reachable at " + other.get()).isInstanceOf(ConnectException.class);
        } finally {
            zipkin.requestStop();
            zipkin.awaitStop(Duration.ofSeconds(20));
        }
        assertThat(zipkin.isAlive()).isFalse();
    }

    private static Optional<InetAddress> otherAddressOfThisMachine() throws IOException {
        return NetworkInterface.networkInterfaces().filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
    }
}
