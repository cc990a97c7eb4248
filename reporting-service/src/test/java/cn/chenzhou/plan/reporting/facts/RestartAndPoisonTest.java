package cn.chenzhou.plan.reporting.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.contracts.registry.PlatformAccredited;
import cn.chenzhou.plan.contracts.registry.RegistryEvents;
import cn.chenzhou.plan.reporting.ReportingServiceApplication;
import cn.chenzhou.plan.reporting.testing.ChenzhouHistory;
import cn.chenzhou.plan.reporting.testing.EventFeed;
import cn.chenzhou.plan.stack.SharedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The read model survives a restart: a second instance on the same database restores the facts and resumes from the
 * stored positions instead of replaying the topics, and shows the same scorecard. Poison events and events out of
 * order are handled on the way.
 */
class RestartAndPoisonTest {
    private static final String PREFIX = "it-restart";
    private static final String DATABASE = "reporting_restart_test";

    private static ConfigurableApplicationContext start() {
        Map<String, Object> props = new HashMap<>();
        DynamicPropertyRegistry registry = (name, value) -> props.put(name, value.get());
        cn.chenzhou.plan.chassis.testing.TestInfrastructure.register(registry, DATABASE);
        EventFeed.register(registry, PREFIX);
        props.put("server.port", 0);
        props.put("reporting.checkpoint-interval", "200ms");
        props.put("logging.level.cn.chenzhou.plan.reporting.facts", "DEBUG");
        // as command-line arguments: they outrank the chassis defaults, as the environment does in production
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(ReportingServiceApplication.class).run(args);
    }

    private static Http http(ConfigurableApplicationContext context) {
        return Http.local(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    private static JsonNode readModel(ConfigurableApplicationContext context) {
        return http(context).get("/api/reports/read-model", TestTokens.admin()).json();
    }

    private static double eventsCounted(MeterRegistry meters, String outcome) {
        return meters.get("reporting.events").tag("outcome", outcome).functionCounter().count();
    }

    /** The sum of the registry topic's partitions' lag gauges (NaN while the broker's end offsets are not known yet). */
    private static double registryLag(MeterRegistry meters) {
        return meters.find("reporting.lag").tag("topic", PREFIX + "." + Topics.REGISTRY).gauges().stream()
                .mapToDouble(g -> g.value()).sum();
    }

    private static java.util.List<String> family(String scrape, String name) {
        return scrape.lines().filter(l -> l.startsWith(name + "{")).toList();
    }

    @Test
    void aRestartedServiceResumesFromItsStoredFactsAndPositionsWithTheSameScorecard() throws Exception {
        String scorecardBefore;
        int events;
        SharedInfrastructure.start();
        try (EventFeed feed = new EventFeed(PREFIX); EventProbe dlt = new EventProbe(PREFIX + "." + Topics.REGISTRY + ".dlt")) {
            try (ConfigurableApplicationContext first = start()) {
                new ChenzhouHistory(feed).tell();
                // a poison event and an event of an unknown type between the good ones
                feed.send(feed.record(RegistryEvents.PLATFORM_ACCREDITED, "plat-poison", "431002", 1,
                        EventFeed.utf8("{\"platformId\":\"plat-poison\",\"county\":\"431002\",\"level\":\"GALACTIC\"}")));
                feed.send(new org.apache.kafka.clients.producer.ProducerRecord<>(PREFIX + "." + Topics.REGISTRY, "junk",
                        EventFeed.utf8("not a cloud event")));
                events = feed.sent().size();
                FactsReadModel facts = first.getBean(FactsReadModel.class);
                var last = feed.lastSequences();
                await().atMost(Duration.ofSeconds(60)).until(() -> facts.read(b ->
                        last.entrySet().stream().allMatch(e -> b.sequenceOf(e.getKey()) >= e.getValue())));
                await().atMost(Duration.ofSeconds(30)).until(() -> readModel(first).get("deadLettered").asLong() == 2);
                scorecardBefore = http(first).get("/api/reports/scorecard", TestTokens.admin()).body();
                assertThat(readModel(first).get("eventsApplied").asLong()).isEqualTo(events - 2);
                // the operator's metrics count the same
                MeterRegistry meters = first.getBean(MeterRegistry.class);
                assertThat(eventsCounted(meters, "dead_lettered")).isEqualTo(2);
                assertThat(eventsCounted(meters, "applied")).isEqualTo(events - 2);
                // and every Kafka client's own metrics are in the scrape, side by side: the pipeline's consumer, the
                // producer that dead-lettered and the outbox relay's producer
                String scrape = first.getBean(PrometheusMeterRegistry.class).scrape();
                assertThat(family(scrape, "kafka_consumer_fetch_manager_records_consumed_total"))
                        .anyMatch(l -> l.contains("client_id=\"reporting-facts\""));
                assertThat(family(scrape, "kafka_app_info_start_time_ms"))
                        .anyMatch(l -> l.contains("client_id=\"reporting-facts\""))
                        .anyMatch(l -> l.contains("client_id=\"reporting-dead-letters"))
                        .anyMatch(l -> l.contains("client_id=\"reporting-service-outbox\""));
            }
            var dead = dlt.await(2, Duration.ofSeconds(30));
            assertThat(dead).hasSize(2);
            assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("plat-poison", "junk");
            assertThat(dead).anyMatch(r -> EventProbe.header(r, "kafka_dlt-exception-message").contains("GALACTIC"));

            try (ConfigurableApplicationContext second = start()) {
                JsonNode status = readModel(second);
                assertThat(status.get("aggregates").asInt()).as("facts restored from the database").isGreaterThan(100);
                assertThat(http(second).get("/api/reports/scorecard", TestTokens.admin()).body()).isEqualTo(scorecardBefore);
                // nothing was read again: the positions were stored with the facts
                await().atMost(Duration.ofSeconds(10)).until(() -> "LIVE".equals(readModel(second).get("state").asString()));
                assertThat(readModel(second).get("eventsApplied").asLong()).isZero();
                assertThat(readModel(second).get("deadLettered").asLong()).isZero();

                // it carries on with what comes next: an out-of-order sequence 1 arriving after the platform's 3 is skipped
                feed.publish(RegistryEvents.PLATFORM_ACCREDITED, "plat-gy", "431021", new PlatformAccredited("plat-gy",
                        "431021", "ENGINEERING_CENTRE", "PROVINCIAL", "湖南省科学技术厅", "湘科认-gy", "2014-10-10"));
                feed.send(feed.record(RegistryEvents.PLATFORM_ACCREDITED, "plat-bh", "431002", 1, EventFeed.utf8(
                        "{\"platformId\":\"plat-bh\",\"county\":\"431002\",\"type\":\"X\",\"level\":\"NATIONAL\","
                                + "\"accreditingBody\":\"x\",\"documentNo\":\"x\",\"accreditedOn\":\"2012-01-01\"}")));
                await().atMost(Duration.ofSeconds(30)).until(() -> readModel(second).get("eventsApplied").asLong() == 1
                        && readModel(second).get("duplicates").asLong() == 1);
                JsonNode aggregate = http(second).get("/api/reports/read-model/aggregates/" + PREFIX + ".registry.events/plat-gy",
                        TestTokens.viewer()).json();
                assertThat(aggregate.get("sequence").asLong()).isEqualTo(2);
                JsonNode t8a = null;
                for (JsonNode t : http(second).get("/api/reports/scorecard", TestTokens.admin()).json().get("targets")) {
                    if (t.get("id").asString().equals("T8a")) {
                        t8a = t;
                    }
                }
                assertThat(t8a.get("value").asString()).isEqualTo("4");

                // lag, as the operator's metrics show it: events on the broker the pipeline has not applied, per
                // partition, rising while it does not read and back to none once it has caught up
                MeterRegistry meters = second.getBean(MeterRegistry.class);
                FactPipeline pipeline = second.getBean(FactPipeline.class);
                // the broker's end offsets are asked every 5 s
                await().atMost(Duration.ofSeconds(30)).until(() -> registryLag(meters) == 0);
                double appliedBefore = eventsCounted(meters, "applied");
                pipeline.stop();
                for (int i = 0; i < 3; i++) {
                    feed.publish(RegistryEvents.PLATFORM_ACCREDITED, "plat-lag-" + i, "431021", new PlatformAccredited(
                            "plat-lag-" + i, "431021", "ENGINEERING_CENTRE", "PROVINCIAL", "湖南省科学技术厅", "湘科认-lag" + i,
                            "2014-10-10"));
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> registryLag(meters) == 3);
                pipeline.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> registryLag(meters) == 0);
                assertThat(eventsCounted(meters, "applied")).isEqualTo(appliedBefore + 3);
            }
        }
    }
}
