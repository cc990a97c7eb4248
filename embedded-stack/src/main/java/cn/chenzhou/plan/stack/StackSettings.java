package cn.chenzhou.plan.stack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Ports, directories and JVM options of the embedded stack, from environment variables with defaults
 * (gateway 8080, services 8081–8084, auth server 9000, Kafka 9092, MongoDB 27017), whether a new data directory
 * gets the demo plan ({@code PLATFORM_DEMO}, default true; {@code ./platform up --no-demo} says false), and the
 * services' log format ({@code PLATFORM_LOG_FORMAT}: {@code text}, the default, or {@code json}), and the trace
 * viewer ({@code PLATFORM_ZIPKIN}, default true; {@code ZIPKIN_PORT}, default 9411).
 */
record StackSettings(
        Path home,
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int gatewayPort,
        int authPort,
        int projectPort,
        int fundingPort,
        int registryPort,
        int reportingPort,
        String serviceJavaOptions,
        int readyTimeoutSeconds,
        Map<String, String> perServiceJavaOptions,
        boolean demo,
        int demoTimeoutSeconds,
        LogFormat logFormat,
        TraceViewer traces) {

    /** How the services write their log lines: text for a person, or one JSON object per line for a log collector. */
    enum LogFormat {
        TEXT, JSON;

        /** What a service needs in its environment to write this format (Spring Boot's structured logging, ECS). */
        Map<String, String> serviceEnvironment() {
            return this == JSON ? Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs") : Map.of();
        }

        static LogFormat of(String value) {
            if (value == null || value.isBlank()) {
                return TEXT;
            }
            return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "text" -> TEXT;
                case "json" -> JSON;
                default -> throw new IllegalArgumentException("PLATFORM_LOG_FORMAT must be text or json, not '" + value + "'");
            };
        }
    }

    static StackSettings fromEnvironment(Map<String, String> env, Path home) {
        Path data = Path.of(env.getOrDefault("PLATFORM_DATA_DIR", home.resolve("data").toString())).toAbsolutePath();
        return new StackSettings(
                home,
                data,
                port(env, "KAFKA_PORT", 9092),
                port(env, "KAFKA_CONTROLLER_PORT", 9093),
                port(env, "MONGO_PORT", 27017),
                port(env, "GATEWAY_PORT", 8080),
                port(env, "AUTH_PORT", 9000),
                port(env, "PROJECT_SERVICE_PORT", 8081),
                port(env, "FUNDING_SERVICE_PORT", 8082),
                port(env, "REGISTRY_SERVICE_PORT", 8083),
                port(env, "REPORTING_SERVICE_PORT", 8084),
                env.getOrDefault("PLATFORM_SERVICE_JAVA_OPTS",
                        "-Xms32m -Xmx256m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=192m"
                                + " -XX:ReservedCodeCacheSize=96m -XX:TieredStopAtLevel=1 -Xshare:auto"),
                Integer.parseInt(env.getOrDefault("PLATFORM_READY_TIMEOUT_SECONDS", "180")),
                serviceOptions(env),
                flag(env, "PLATFORM_DEMO", true),
                Integer.parseInt(env.getOrDefault("PLATFORM_DEMO_TIMEOUT_SECONDS", "900")),
                LogFormat.of(env.get("PLATFORM_LOG_FORMAT")),
                new TraceViewer(flag(env, "PLATFORM_ZIPKIN", true), port(env, "ZIPKIN_PORT", 9411),
                        Integer.parseInt(env.getOrDefault("MEM_MAX_SPANS", "25000").trim()),
                        env.get("TRACING_SAMPLING_PROBABILITY")));
    }

    /**
     * JVM options added for one service after the common ones (a later -Xmx wins): PLATFORM_&lt;SERVICE&gt;_JAVA_OPTS,
     * e.g. PLATFORM_REPORTING_SERVICE_JAVA_OPTS. Reporting keeps its whole read model in memory: a larger heap by default.
     */
    private static Map<String, String> serviceOptions(Map<String, String> env) {
        Map<String, String> options = new java.util.HashMap<>();
        options.put("reporting-service", "-Xmx640m");
        env.forEach((k, v) -> {
            if (k.startsWith("PLATFORM_") && k.endsWith("_JAVA_OPTS") && !k.equals("PLATFORM_SERVICE_JAVA_OPTS")
                    && !k.equals("PLATFORM_JAVA_OPTS")) {
                String service = k.substring("PLATFORM_".length(), k.length() - "_JAVA_OPTS".length())
                        .toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                options.merge(service, v, (byDefault, given) -> byDefault + " " + given);
            }
        });
        return Map.copyOf(options);
    }

    /** The JVM options of one service: the common ones (Zipkin's: its own small set), then its own. */
    String javaOptionsFor(String service) {
        String common = service.equals(TraceViewer.NAME) ? TraceViewer.JAVA_OPTIONS : serviceJavaOptions;
        String own = perServiceJavaOptions.get(service);
        return own == null || own.isBlank() ? common : common + " " + own;
    }

    /** The same settings without the demo plan ({@code --no-demo}). */
    StackSettings withoutDemo() {
        return new StackSettings(home, dataDir, kafkaPort, kafkaControllerPort, mongoPort, gatewayPort, authPort,
                projectPort, fundingPort, registryPort, reportingPort, serviceJavaOptions, readyTimeoutSeconds, perServiceJavaOptions,
                false, demoTimeoutSeconds, logFormat, traces);
    }

    private static boolean flag(Map<String, String> env, String name, boolean fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
        };
    }

    /** The client SDK's runnable command line, which loads the demo plan. */
    Path cliJar() {
        return home.resolve("client-sdk").resolve("target").resolve("platform-cli.jar");
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a TCP port, not '" + value + "'");
        }
    }

    String kafkaBootstrap() {
        return "localhost:" + kafkaPort;
    }

    String mongoUri() {
        return "mongodb://localhost:" + mongoPort;
    }

    String url(int port) {
        return "http://localhost:" + port;
    }
}
