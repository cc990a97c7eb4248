package cn.chenzhou.plan.chassis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.stack.BusCredentials;
import cn.chenzhou.plan.stack.FreePorts;
import cn.chenzhou.plan.stack.SharedInfrastructure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service started as the containers and {@code PLATFORM_LOG_FORMAT=json} start it (the environment variable
 * {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}) writes one JSON object per line, and a line written while a county
 * portal's command is handled names the service, the actor, the county and the request id. The service runs in a JVM
 * of its own: logging is configured once per JVM, so a test context beside the others would inherit their format.
 */
class StructuredLogsTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Process service;
    private static Path output;
    private static int port;
    private static int managementPort;

    @BeforeAll
    static void startTheServiceWithJsonLogs() throws Exception {
        SharedInfrastructure.start();
        port = FreePorts.next();
        managementPort = FreePorts.next();
        output = Files.createTempFile("widget-service", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "org.springframework.boot.SpringApplication",
                "--spring.main.sources=" + WidgetApplication.class.getName(),
                "--spring.application.name=widget-service",
                "--server.port=" + port,
                "--management.server.port=" + managementPort,
                "--spring.mongodb.uri=" + SharedInfrastructure.mongoUri("chassis_logs_test"),
                "--spring.mongodb.database=chassis_logs_test",
                "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafkaBootstrapServers(),
                "--platform.security.public-key-location=" + TestTokens.publicKeyLocation(),
                "--platform.security.issuer=" + TestTokens.ISSUER,
                "--logging.level.org.apache.kafka=WARN"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        // the bus lets in only clients it knows (the environment, not the command line, which anyone may list)
        builder.environment().put("KAFKA_USERNAME", BusCredentials.ADMIN);
        builder.environment().put("KAFKA_PASSWORD", SharedInfrastructure.kafkaCredentials().password(BusCredentials.ADMIN));
        service = builder.start();
        awaitHealthy();
    }

    private static void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited:\n" + Files.readString(output));
            }
            try {
                if (Http.local(managementPort).get("/actuator/health", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not become healthy:\n" + Files.readString(output));
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        Files.deleteIfExists(output);
    }

    @Test
    void everyLineIsJsonAndACommandsLineNamesTheServiceTheActorTheCountyTheRequestAndItsTrace() throws IOException {
        Http.Response created = Http.local(port).send(Http.local(port)
                .builder("/widgets", TestTokens.county("431023"))
                .header("Content-Type", "application/json").header("X-Request-Id", "log-test-1")
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"id\":\"w-logged\",\"county\":\"431023\",\"name\":\"n\",\"price\":\"1.00\"}")));
        assertThat(created.status()).isEqualTo(201);

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines).as("JSON lines written while starting and serving").hasSizeGreaterThan(5);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("message").isString()).as("message of %s", line).isTrue();
            assertThat(line.path("service").path("name").asString()).as("service of %s", line).isEqualTo("widget-service");
        });
        JsonNode command = lines.stream().filter(l -> l.path("message").asString().equals("widget w-logged created"))
                .findFirst().orElseThrow(() -> new AssertionError("no line for the command in " + lines));
        assertThat(command.path("actor").asString()).as("actor of %s", command).isEqualTo("county-431023");
        assertThat(command.path("county").asString()).as("county of %s", command).isEqualTo("431023");
        assertThat(command.path("requestId").asString()).as("request id of %s", command).isEqualTo("log-test-1");
        assertThat(command.path("traceId").asString()).as("trace id of %s", command).isEqualTo(TRACE_ID);
        assertThat(command.path("spanId").asString()).as("span id of %s", command).matches("[0-9a-f]{16}");
    }
}
