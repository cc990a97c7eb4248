package cn.chenzhou.plan.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the launcher hands the services and Zipkin, from its own environment. */
class TraceViewerTest {
    private static final Path HOME = Path.of(".");

    @Test
    void byDefaultEveryServiceExportsToZipkinOnLoopbackPort9411() {
        TraceViewer traces = StackSettings.fromEnvironment(Map.of(), HOME).traces();

        assertThat(traces.enabled()).isTrue();
        assertThat(traces.serviceEnvironment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "TRACING_EXPORT", "true", "ZIPKIN_ENDPOINT", "http://127.0.0.1:9411/api/v2/spans"));
        assertThat(traces.url()).isEqualTo("http://127.0.0.1:9411/zipkin/");
    }

    @Test
    void zipkinPortMovesZipkinAndWhereTheServicesSendTheirSpans() {
        TraceViewer traces = StackSettings.fromEnvironment(Map.of("ZIPKIN_PORT", "19411"), HOME).traces();

        assertThat(traces.serviceEnvironment()).containsEntry("ZIPKIN_ENDPOINT", "http://127.0.0.1:19411/api/v2/spans");
        assertThat(traces.zipkinEnvironment()).containsEntry("ARMERIA_PORTS_0_PORT", "19411")
                .containsEntry("ARMERIA_PORTS_0_IP", "127.0.0.1").containsEntry("STORAGE_TYPE", "mem")
                .containsEntry("MEM_MAX_SPANS", "25000");
    }

    @Test
    void withoutZipkinTheServicesExportNothing() {
        TraceViewer traces = StackSettings.fromEnvironment(Map.of("PLATFORM_ZIPKIN", "false"), HOME).traces();

        assertThat(traces.enabled()).isFalse();
        assertThat(traces.serviceEnvironment()).containsExactlyEntriesOf(Map.of("TRACING_EXPORT", "false"));
    }

    @Test
    void aSamplingProbabilityGivenToTheLauncherReachesTheServices() {
        TraceViewer traces = StackSettings.fromEnvironment(Map.of("TRACING_SAMPLING_PROBABILITY", "0.1"), HOME).traces();

        assertThat(traces.serviceEnvironment()).containsEntry("TRACING_SAMPLING_PROBABILITY", "0.1");
    }

    @Test
    void zipkinRunsOnItsOwnSmallHeapNotTheServicesOptions() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of("PLATFORM_ZIPKIN_JAVA_OPTS", "-Xmx200m"), HOME);

        assertThat(settings.javaOptionsFor("zipkin")).startsWith(TraceViewer.JAVA_OPTIONS).endsWith(" -Xmx200m")
                .doesNotContain("-Xmx256m");
        assertThat(settings.withoutDemo().traces()).isEqualTo(settings.traces());
    }

    @Test
    void aHeldZipkinPortIsNamedByItsVariable() throws IOException {
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(held.getLocalPort());
            StackSettings withZipkin = StackSettings.fromEnvironment(freePorts(Map.of("ZIPKIN_PORT", port)), HOME);
            StackSettings withoutZipkin = StackSettings.fromEnvironment(
                    freePorts(Map.of("ZIPKIN_PORT", port, "PLATFORM_ZIPKIN", "false")), HOME);

            assertThat(Platform.busyPorts(withZipkin)).containsExactly("ZIPKIN_PORT=" + port);
            assertThat(Platform.busyPorts(withoutZipkin)).isEmpty();
        }
    }

    /** Every other port of the stack on a free one, so that only the one under test can be busy. */
    private static Map<String, String> freePorts(Map<String, String> given) {
        Map<String, String> env = new java.util.HashMap<>(given);
        for (String name : new String[] {"KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "MONGO_PORT", "GATEWAY_PORT", "AUTH_PORT",
                "PROJECT_SERVICE_PORT", "FUNDING_SERVICE_PORT", "REGISTRY_SERVICE_PORT", "REPORTING_SERVICE_PORT"}) {
            env.put(name, String.valueOf(FreePorts.next()));
        }
        return env;
    }
}
