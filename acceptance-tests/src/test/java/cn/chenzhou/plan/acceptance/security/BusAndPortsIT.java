package cn.chenzhou.plan.acceptance.security;

import static cn.chenzhou.plan.stack.testing.BusAttempts.create;
import static cn.chenzhou.plan.stack.testing.BusAttempts.delete;
import static cn.chenzhou.plan.stack.testing.BusAttempts.impatient;
import static cn.chenzhou.plan.stack.testing.BusAttempts.produce;
import static cn.chenzhou.plan.stack.testing.BusAttempts.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.chenzhou.plan.stack.BusCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything beside the gateway, tried as an attacker on the same machine would, against the platform as
 * {@code ./platform up} starts it: the broker without credentials and with another service's, a forged event, the
 * services' own ports, what listens beyond loopback, and who may read the data directory.
 */
class BusAndPortsIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FUNDING_TOPIC = "funding.events";
    private static final String PROJECTS_TOPIC = "projects.events";
    private static PlatformUnderTest platform;

    @BeforeAll
    static void platform() throws Exception {
        platform = PlatformUnderTest.get();
    }

    // ---- the event bus ---------------------------------------------------------------------------------------

    private static Map<String, Object> anonymous() {
        return impatient(new HashMap<>(Map.of("bootstrap.servers", platform.kafkaBootstrap())));
    }

    private static Map<String, Object> as(String user) {
        return impatient(platform.kafkaClient(user));
    }

    /** A funds.secured event with every attribute funding-service would give it. */
    private static ProducerRecord<byte[], byte[]> forgedFundsSecured(String topic, String entryId) {
        String data = """
                {"entryId":"%s","county":"431023","level":"NATIONAL","programme":"KEY_RD","projectId":null,
                 "amountFen":1000000000,"securedOn":"2013-05-01","documentNo":"国科发-forged"}""".formatted(entryId);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, entryId.getBytes(StandardCharsets.UTF_8),
                data.getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_source", "/funding-service", "ce_type", "cn.chenzhou.plan.funds.secured.v1", "ce_subject", entryId,
                "ce_time", OffsetDateTime.now().toString(), "ce_county", "431023", "ce_actor", "finance",
                "ce_sequence", "1", "content-type", "application/json");
        headers.forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    private static Set<String> topics() throws Exception {
        try (Admin admin = Admin.create(as(BusCredentials.ADMIN))) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aKafkaClientWithoutCredentialsCannotReadProduceCreateOrDelete() throws Exception {
        assertThat(read(anonymous(), FUNDING_TOPIC)).as("read").isNotNull();
        assertThat(produce(anonymous(), forgedFundsSecured(FUNDING_TOPIC, "anonymous-" + UUID.randomUUID()))).as("produce").isNotNull();
        assertThat(create(anonymous(), "anonymous.topic")).as("create").isNotNull();
        assertThat(delete(anonymous(), "reporting.alerts")).as("delete").isNotNull();
        // what the anonymous client could not do, the administrator can: the refusals are the lock, not a dead broker
        assertThat(read(as(BusCredentials.ADMIN), FUNDING_TOPIC)).as("the administrator reads").isNull();
        assertThat(topics()).contains("reporting.alerts").doesNotContain("anonymous.topic");
    }

    @Test
    void aKafkaClientWithAnotherServicesCredentialsCannotReadProduceCreateOrDelete() throws Exception {
        Map<String, Object> projects = as("project-service");
        assertThat(read(projects, FUNDING_TOPIC)).as("read").isInstanceOf(TopicAuthorizationException.class);
        assertThat(produce(projects, forgedFundsSecured(FUNDING_TOPIC, "cross-" + UUID.randomUUID()))).as("produce")
                .isInstanceOf(TopicAuthorizationException.class);
        assertThat(create(projects, "project-service.topic")).as("create").isInstanceOf(AuthorizationException.class);
        assertThat(delete(projects, FUNDING_TOPIC)).as("delete").isInstanceOf(AuthorizationException.class);
        // the one reader of the events may not write them either
        assertThat(produce(as("reporting-service"), forgedFundsSecured(FUNDING_TOPIC, "cross-" + UUID.randomUUID())))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThat(topics()).contains(FUNDING_TOPIC).doesNotContain("project-service.topic");
    }

    @Test
    void aForgedFundsSecuredEventNeverChangesAFigure() throws Exception {
        JsonNode before = securedFunds();
        // with project-service's credentials, on funding's topic: refused by the broker
        String refused = "forged-" + UUID.randomUUID();
        assertThat(produce(as("project-service"), forgedFundsSecured(FUNDING_TOPIC, refused)))
                .isInstanceOf(TopicAuthorizationException.class);
        // on the topic those credentials may write: delivered, and set aside by reporting with the reason
        String delivered = "forged-" + UUID.randomUUID();
        try (TopicWatch deadLetters = new TopicWatch(as(BusCredentials.ADMIN), List.of(PROJECTS_TOPIC + ".dlt"))) {
            assertThat(produce(as("project-service"), forgedFundsSecured(PROJECTS_TOPIC, delivered))).isNull();
            List<TopicWatch.Seen> dead = deadLetters.readUntil(seen -> seen.stream().anyMatch(s -> delivered.equals(s.subject())),
                    Duration.ofSeconds(60), Duration.ZERO);
            assertThat(dead).as("dead-lettered by reporting").anyMatch(s -> delivered.equals(s.subject()));
        }
        assertThat(securedFunds()).isEqualTo(before);
    }

    private static JsonNode securedFunds() throws Exception {
        HttpResponse<String> r = platform.http().send(HttpRequest.newBuilder(URI.create(platform.gateway()
                        + "/api/reports/funding?asOf=2014-12-31")).header("Authorization", "Bearer " + platform.token("viewer")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("secured");
    }

    // ---- the ports ---------------------------------------------------------------------------------------------

    @Test
    void onlyTheGatewayAndTheAuthorizationServerListenBeyondLoopback() throws Exception {
        assumeTrue(ListeningSockets.available(), "needs /proc/net/tcp (Linux)");
        ProcessHandle launcher = platform.launcher();
        List<ListeningSockets.Listener> listening = ListeningSockets.of(
                Stream.concat(Stream.of(launcher), launcher.descendants()));
        Set<Integer> beyondLoopback = listening.stream().filter(l -> !l.loopback()).map(ListeningSockets.Listener::port)
                .collect(Collectors.toSet());
        assertThat(beyondLoopback).as("ports open beyond loopback, of " + listening)
                .containsExactlyInAnyOrder(platform.port("GATEWAY_PORT"), platform.port("AUTH_PORT"));
        // what is on loopback only is seen too: the broker, the store, every service and every management port
        Set<Integer> loopback = listening.stream().filter(ListeningSockets.Listener::loopback).map(ListeningSockets.Listener::port)
                .collect(Collectors.toSet());
        assertThat(loopback).contains(platform.port("KAFKA_PORT"), platform.port("PROJECT_SERVICE_PORT"),
                platform.port("FUNDING_SERVICE_PORT"), platform.port("REGISTRY_SERVICE_PORT"), platform.port("REPORTING_SERVICE_PORT"));
        platform.managementPorts().values().forEach(port -> assertThat(loopback).contains(Integer.parseInt((String) port)));
    }

    @Test
    void noFileInTheDataDirectoryIsReadableByGroupOrOthers() throws IOException {
        List<String> open = new ArrayList<>();
        int seen;
        try (Stream<Path> all = Files.walk(platform.dataDir())) {
            List<Path> paths = all.toList();
            seen = paths.size();
            for (Path path : paths) {
                try {
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                    if (permissions.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
                        open.add(platform.dataDir().relativize(path) + " " + java.nio.file.attribute.PosixFilePermissions.toString(permissions));
                    }
                } catch (NoSuchFileException removedMeanwhile) {
                    // a rolled log segment
                }
            }
        }
        assertThat(seen).as("store, broker logs, service logs, secrets").isGreaterThan(20);
        assertThat(open).isEmpty();
    }

    @Test
    void straightToAServiceMetricsAndTheApiDescriptionNeedAToken() throws Exception {
        String county = platform.token("county-431023");
        for (String service : List.of("projects", "funding", "registry", "reports")) {
            String base = platform.service(service);
            assertThat(status(base + "/actuator/prometheus", null, Map.of())).as(service + " metrics").isEqualTo(401);
            assertThat(status(base + "/actuator/prometheus", county, Map.of())).as(service + " metrics").isEqualTo(404);
            assertThat(status(base + "/v3/api-docs", null, Map.of())).as(service + " API description").isEqualTo(401);
            assertThat(status(base + "/v3/api-docs", county, Map.of())).as(service + " API description").isEqualTo(403);
        }
        // nor through the gateway, whatever the token
        assertThat(status(platform.gateway() + "/actuator/prometheus", county, Map.of())).isEqualTo(404);
        assertThat(status(platform.gateway() + "/actuator/prometheus", platform.token("plan-office"), Map.of())).isEqualTo(404);
        assertThat(status(platform.gateway() + "/openapi/project-service", county, Map.of())).isEqualTo(403);
        // where they are: on loopback, for the operator of the machine
        for (Object port : platform.managementPorts().values()) {
            assertThat(status("http://127.0.0.1:" + port + "/actuator/prometheus", null, Map.of())).isEqualTo(200);
        }
    }

    @Test
    void aForwardedHostDoesNotRewriteTheServersOfAnApiDescription() throws Exception {
        String admin = platform.token("plan-office");
        Map<String, String> forged = Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https",
                "X-Forwarded-Port", "443", "Forwarded", "host=evil.example;proto=https");
        for (String url : List.of(platform.service("projects") + "/v3/api-docs", platform.gateway() + "/openapi/project-service")) {
            HttpResponse<String> r = send(url, admin, forged);
            assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
            assertThat(r.body()).as(url).doesNotContain("evil.example");
            assertThat(JSON.readTree(r.body()).get("servers").get(0).get("url").asString()).as(url).isEqualTo(platform.gateway());
        }
    }

    private static int status(String url, String token, Map<String, String> headers) throws Exception {
        return send(url, token, headers).statusCode();
    }

    private static HttpResponse<String> send(String url, String token, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        return platform.http().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
