package cn.chenzhou.plan.stack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Zipkin, the trace viewer of the embedded stack: its own JVM (the exec jar beside the launcher's), spans kept in
 * memory only, listening on loopback. {@code PLATFORM_ZIPKIN=false} leaves it out and the services export nothing.
 *
 * @param enabled whether the launcher starts Zipkin and the services export their spans to it
 * @param port {@code ZIPKIN_PORT}, default 9411
 * @param maxSpans how many spans Zipkin keeps before it drops the oldest traces ({@code MEM_MAX_SPANS}, Zipkin's own name)
 * @param samplingProbability {@code TRACING_SAMPLING_PROBABILITY} handed to the services when given, else their default
 */
record TraceViewer(boolean enabled, int port, int maxSpans, String samplingProbability) {
    static final String NAME = "zipkin";

    /**
     * Zipkin is not one of the platform's services: a small heap of its own instead of theirs; should it fill up
     * anyway, the process ends and the launcher starts it anew (its spans were in memory only).
     */
    static final String JAVA_OPTIONS = "-Xms16m -Xmx128m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=128m"
            + " -XX:ReservedCodeCacheSize=48m -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError";

    /** What a service or the gateway needs in its environment to send its spans here (or to send none). */
    Map<String, String> serviceEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TRACING_EXPORT", String.valueOf(enabled));
        if (enabled) {
            env.put("ZIPKIN_ENDPOINT", "http://127.0.0.1:" + port + "/api/v2/spans");
        }
        if (samplingProbability != null && !samplingProbability.isBlank()) {
            env.put("TRACING_SAMPLING_PROBABILITY", samplingProbability.trim());
        }
        return env;
    }

    /**
     * Zipkin's environment: in-memory storage with a bound, the one HTTP port on 127.0.0.1 only (Armeria's port list,
     * given whole: a list is not merged across property sources), and every collector that a variable of the
     * launcher's own environment could switch on (Kafka's KAFKA_BOOTSTRAP_SERVERS, for one) switched off.
     */
    Map<String, String> zipkinEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STORAGE_TYPE", "mem");
        env.put("MEM_MAX_SPANS", String.valueOf(maxSpans));
        env.put("QUERY_PORT", String.valueOf(port));
        env.put("ARMERIA_PORTS_0_PORT", String.valueOf(port));
        env.put("ARMERIA_PORTS_0_IP", "127.0.0.1");
        env.put("ARMERIA_PORTS_0_PROTOCOLS_0", "http");
        env.put("SELF_TRACING_ENABLED", "false");
        for (String collector : new String[] {"KAFKA", "RABBITMQ", "ACTIVEMQ", "PULSAR", "SCRIBE"}) {
            env.put("COLLECTOR_" + collector + "_ENABLED", "false");
        }
        env.put("DISCOVERY_EUREKA_ENABLED", "false");
        return env;
    }

    /** Where a person opens the viewer. */
    String url() {
        return "http://127.0.0.1:" + port + "/zipkin/";
    }

    /** Zipkin's runnable jar, which the build copies beside the launcher's. */
    static Path jar(Path home) {
        return home.resolve("embedded-stack").resolve("target").resolve("zipkin-server-exec.jar");
    }
}
