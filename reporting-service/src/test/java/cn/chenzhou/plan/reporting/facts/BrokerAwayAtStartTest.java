package cn.chenzhou.plan.reporting.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestInfrastructure;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.registry.DesignationGranted;
import cn.chenzhou.plan.contracts.registry.RegistryEvents;
import cn.chenzhou.plan.reporting.ReportingServiceApplication;
import cn.chenzhou.plan.reporting.testing.EventFeed;
import cn.chenzhou.plan.stack.SharedInfrastructure;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Given a reporting-service that restored its facts and positions, when the broker does not answer at its start (down,
 * or slow to let a client in), then it keeps trying and carries on once the broker is back — the pipeline does not end.
 */
class BrokerAwayAtStartTest {
    private static final String PREFIX = "it-broker-away";
    private static final String DATABASE = "reporting_broker_away_test";

    private static ConfigurableApplicationContext start() {
        Map<String, Object> props = new HashMap<>();
        DynamicPropertyRegistry registry = (name, value) -> props.put(name, value.get());
        TestInfrastructure.register(registry, DATABASE);
        // the topics were made by the first start (the broker may be away now)
        props.put("reporting.topics", PREFIX + ".projects.events," + PREFIX + ".funding.events," + PREFIX + ".registry.events");
        props.put("server.port", 0);
        props.put("reporting.checkpoint-interval", "200ms");
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(ReportingServiceApplication.class).run(args);
    }

    private static long sequenceOf(ConfigurableApplicationContext context, String id) {
        return Http.local(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")))
                .get("/api/reports/read-model/aggregates/" + PREFIX + ".registry.events/" + id, TestTokens.viewer())
                .json().get("sequence").asLong();
    }

    private static DesignationGranted granted(String id) {
        return new DesignationGranted(id, "431023", "HIGH_TECH_ENTERPRISE", "NATIONAL", "企业", null, "doc", "2013-05-05");
    }

    @Test
    void aServiceStartedWhileTheBrokerIsAwayCatchesUpWhenItReturns() throws Exception {
        EventFeed.register((name, value) -> { }, PREFIX);
        try (EventFeed feed = new EventFeed(PREFIX)) {
            try (ConfigurableApplicationContext first = start()) {
                feed.publish(RegistryEvents.DESIGNATION_GRANTED, "des-before", "431023", granted("des-before"));
                await().atMost(Duration.ofSeconds(30)).until(() -> sequenceOf(first, "des-before") == 1);
                // its positions are stored with the facts
                Thread.sleep(1000);
            }
            SharedInfrastructure.stopKafka();
            ConfigurableApplicationContext second;
            try {
                second = start();
                // longer than one partition look-up (10 s): the pipeline has met the broker's absence at least once
                Thread.sleep(15_000);
            } finally {
                SharedInfrastructure.restartKafka();
            }
            try (ConfigurableApplicationContext running = second) {
                feed.publish(RegistryEvents.DESIGNATION_GRANTED, "des-after", "431023", granted("des-after"));
                await().atMost(Duration.ofSeconds(60)).until(() -> sequenceOf(running, "des-after") == 1);
                assertThat(sequenceOf(running, "des-before")).isEqualTo(1);
            }
        }
    }
}
