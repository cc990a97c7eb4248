package cn.chenzhou.plan.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an operator scrapes, on the platform as {@code ./platform up} starts it: each component's
 * {@code /actuator/prometheus} on its loopback management port (the gateway and the four services) holds the families an operator needs — HTTP timings
 * (by route at the gateway), the Kafka clients' own metrics, the outbox's backlog and the age of its oldest event, publish
 * latency, idempotency replays, reporting's events by outcome and its lag per partition, the breakers' states and the
 * gateway's refusals — and they move with a little traffic; {@code promtool check metrics} accepts every exposition.
 */
class OperatorMetricsIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String COUNTY = "431081";
    private static RunningPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = RunningPlatform.shared();
    }

    @Test
    void everyComponentExposesWhatAnOperatorNeedsAndItMovesWithTraffic() throws Exception {
        Map<String, Exposition> before = scrapeAll();
        assertThat(before.keySet()).containsExactlyInAnyOrder("gateway", "project-service", "funding-service",
                "platform-registry-service", "reporting-service");

        // a county drafts a project and its portal, not sure the answer arrived, sends the same command again
        String token = platform.token("county-" + COUNTY);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = draft(token, key);
        HttpResponse<String> retry = draft(token, key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(get("/api/reports/counties/" + COUNTY + "/projects", token).statusCode()).isEqualTo(200);
        // a client with a tight budget asks too often
        String limited = platform.token(RunningPlatform.RATE_LIMITED_CLIENT);
        int refused = 0;
        for (int i = 0; i < 40 && refused == 0; i++) {
            if (get("/api/projects?county=" + RunningPlatform.RATE_LIMITED_CLIENT.substring("county-".length())
                    + "&size=1", limited).statusCode() == 429) {
                refused++;
            }
        }
        assertThat(refused).as("the rate-limited client met a 429").isPositive();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                scrape("reporting-service").sum("reporting_events_total", "outcome=\"applied\"")
                        > before.get("reporting-service").sum("reporting_events_total", "outcome=\"applied\""));
        Map<String, Exposition> after = scrapeAll();

        after.forEach((component, metrics) -> {
            assertThat(metrics.has("http_server_requests_seconds_count")).as(component + " HTTP timings").isTrue();
            assertThat(metrics.has("jvm_memory_used_bytes")).as(component + " JVM memory").isTrue();
        });

        Exposition gateway = after.get("gateway");
        assertThat(moved(before, after, "gateway", "spring_cloud_gateway_requests_seconds_count", "routeId=\"projects\""))
                .as("the gateway's timings of the projects route").isPositive();
        assertThat(gateway.sum("resilience4j_circuitbreaker_state", "state=\"closed\""))
                .as("every breaker reports its state (closed here)").isPositive();
        assertThat(moved(before, after, "gateway", "platform_gateway_refusals_total", "reason=\"budget\""))
                .as("the gateway counts its 429s").isPositive();

        for (String owner : List.of("project-service", "funding-service", "platform-registry-service")) {
            Exposition service = after.get(owner);
            assertThat(service.labelsOf("platform_outbox_backlog_events")).as(owner + " outbox backlog")
                    .anyMatch(labels -> labels.contains("collection="));
            assertThat(service.has("platform_outbox_oldest_pending_seconds")).as(owner + " oldest pending").isTrue();
            assertThat(service.labelsOf("kafka_producer_record_send_total")).as(owner + " relay's producer")
                    .anyMatch(labels -> labels.contains("client_id=\"" + owner + "-outbox\""));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(scrape("project-service").valuesOf("platform_outbox_backlog_events", "collection=\"projects\""))
                        .as("nothing waits once the draft is published (counted every 5 s)").containsExactly(0.0));
        assertThat(moved(before, after, "project-service", "platform_outbox_publish_latency_seconds_count",
                "topic=\"projects.events\"")).as("the draft's event timed from store to broker").isPositive();
        assertThat(moved(before, after, "project-service", "kafka_producer_record_send_total",
                "client_id=\"project-service-outbox\"")).as("the relay's producer's own count").isPositive();
        assertThat(moved(before, after, "project-service", "platform_idempotency_commands_total", "outcome=\"replayed\""))
                .as("the retried command replayed").isEqualTo(1);

        Exposition reporting = after.get("reporting-service");
        assertThat(reporting.labelsOf("reporting_lag_events")).as("lag per partition")
                .anyMatch(labels -> labels.contains("topic=\"projects.events\"") && labels.contains("partition="));
        assertThat(reporting.sum("reporting_pipeline_state", "state=\"live\"")).isEqualTo(1);
        assertThat(reporting.has("reporting_rebuild_progress_ratio")).isTrue();
        assertThat(reporting.has("reporting_events_total")).isTrue();
        // Micrometer binds a Kafka client's per-topic series when it next looks (every 60 s), replacing the client-wide
        // one: the count of a topic the consumer had not read before shows up within a minute, not at once
        double consumedBefore = before.get("reporting-service").sum("kafka_consumer_fetch_manager_records_consumed_total",
                "client_id=\"reporting-facts\"");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(scrape("reporting-service").sum("kafka_consumer_fetch_manager_records_consumed_total",
                        "client_id=\"reporting-facts\"")).as("the consumer's own count").isGreaterThan(consumedBefore));
    }

    /**
     * Every exposition parses ({@code promtool check metrics} exits 1 on a format error), and the platform's own families
     * pass its lint (help text, units, suffixes). The lint's remarks on the libraries' families (the Kafka clients' {@code
     * _ns} names, Spring's timers without help text) are theirs: listed, not failed (it exits 3 for those).
     */
    @Test
    void promtoolAcceptsEveryExpositionAndLintsNothingOfThePlatformsOwn() throws Exception {
        Assumptions.assumeTrue(promtoolAvailable(), "promtool is not installed (Debian's prometheus package):"
                + " the expositions are not checked with it here");
        for (Map.Entry<String, Exposition> e : scrapeAll().entrySet()) {
            Path file = Files.createTempFile("exposition-" + e.getKey(), ".txt");
            try {
                Files.writeString(file, e.getValue().text());
                Process check = new ProcessBuilder("promtool", "check", "metrics").redirectInput(file.toFile())
                        .redirectErrorStream(true).start();
                String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(check.exitValue()).as(e.getKey() + ": promtool check metrics said\n" + said).isIn(0, 3);
                assertThat(said.lines().filter(l -> l.startsWith("platform_") || l.startsWith("reporting_")))
                        .as(e.getKey() + ": the lint's remarks on the platform's own families").isEmpty();
                System.out.printf("%s: %d lines exposed; promtool's lint remarks on the libraries' families: %d%n",
                        e.getKey(), e.getValue().text().lines().count(), said.lines().count());
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private static boolean promtoolAvailable() {
        try {
            Process p = new ProcessBuilder("promtool", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static HttpResponse<String> draft(String token, String key) throws Exception {
        String body = """
                {"county":"%s","title":"东江湖冷水资源综合利用技术研究","programme":"LIVELIHOOD",
                 "level":"MUNICIPAL","applicant":{"name":"资兴市东江湖环境科技有限公司","creditCode":"91431081MA4L5EAY54"},
                 "requestedAmount":500000,"period":{"start":"2013-04-01","end":"2014-12-31"},
                 "contact":{"name":"王芳","phone":"0735-3321234"},"draftedOn":"2013-04-01"}""".formatted(COUNTY);
        return HTTP.send(HttpRequest.newBuilder(URI.create(platform.gateway() + "/api/projects"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(platform.gateway() + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double moved(Map<String, Exposition> before, Map<String, Exposition> after, String component,
                                String family, String label) {
        return after.get(component).sum(family, label) - before.get(component).sum(family, label);
    }

    private static Map<String, Exposition> scrapeAll() throws Exception {
        Properties ports = new Properties();
        try (var in = Files.newBufferedReader(platform.dataDir().resolve("run/management-ports.properties"))) {
            ports.load(in);
        }
        Map<String, Exposition> all = new LinkedHashMap<>();
        for (String component : ports.stringPropertyNames()) {
            all.put(component, scrape(component));
        }
        return all;
    }

    private static Exposition scrape(String component) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + platform.managementPort(component) + "/actuator/prometheus")).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(component + " /actuator/prometheus").isEqualTo(200);
        return new Exposition(r.body());
    }

    /** A Prometheus text exposition, read as samples: family name, labels as written, value. */
    record Exposition(String text) {
        private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");

        private record Sample(String name, String labels, double value) {
        }

        private List<Sample> samples() {
            List<Sample> all = new ArrayList<>();
            for (String line : text.split("\n")) {
                Matcher m = SAMPLE.matcher(line);
                if (!line.startsWith("#") && m.find()) {
                    all.add(new Sample(m.group(1), m.group(3) == null ? "" : m.group(3), value(m.group(4))));
                }
            }
            return all;
        }

        private static double value(String written) {
            return switch (written) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(written);
            };
        }

        boolean has(String name) {
            return samples().stream().anyMatch(s -> s.name().equals(name));
        }

        List<String> labelsOf(String name) {
            return samples().stream().filter(s -> s.name().equals(name)).map(Sample::labels).toList();
        }

        List<Double> valuesOf(String name, String label) {
            return samples().stream().filter(s -> s.name().equals(name) && s.labels().contains(label))
                    .map(Sample::value).toList();
        }

        /** The sum of the samples of {@code name} whose labels contain {@code label} ({@code key="value"}). */
        double sum(String name, String label) {
            return samples().stream().filter(s -> s.name().equals(name) && s.labels().contains(label))
                    .mapToDouble(Sample::value).filter(v -> !Double.isNaN(v)).sum();
        }
    }
}
