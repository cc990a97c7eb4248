package cn.chenzhou.plan.reporting.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestInfrastructure;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.contracts.registry.PlatformAccredited;
import cn.chenzhou.plan.contracts.registry.PlatformRevoked;
import cn.chenzhou.plan.contracts.registry.RegistryEvents;
import cn.chenzhou.plan.reporting.alert.LiveEvaluation;
import cn.chenzhou.plan.reporting.facts.FactsReadModel;
import cn.chenzhou.plan.reporting.testing.EventFeed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Mid-plan (30 June 2013, pace ≈ 0.499): a target that falls behind its pace raises an alert, published once; and a
 * plan with other figures loaded through the API changes the targets shown at once, without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "reporting.today=2013-06-30")
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlansAndAlertsTest {
    private static final String PREFIX = "it-plans";
    private static final String DEFAULT_PLAN = "chenzhou-2012-2014";
    private static final String T8A_CITY = DEFAULT_PLAN + ":T8a:431000";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "reporting_plans_test");
        EventFeed.register(registry, PREFIX);
    }

    @LocalServerPort
    int port;

    private Http http() {
        return Http.local(port);
    }

    private JsonNode target(String id) {
        for (JsonNode t : http().get("/api/reports/scorecard", TestTokens.viewer()).json().get("targets")) {
            if (t.get("id").asString().equals(id)) {
                return t;
            }
        }
        return null;
    }

    private List<JsonNode> alerts() {
        List<JsonNode> list = new ArrayList<>();
        http().get("/api/reports/alerts?scope=431000&size=200", TestTokens.viewer()).json().get("items").forEach(list::add);
        return list;
    }

    @Test
    @Order(1)
    void whenTheProvincialPlatformsFallBehindThePaceAnAlertIsPublishedOnce() {
        try (EventFeed feed = new EventFeed(PREFIX)) {
            String[] counties = {"431002", "431003", "431021", "431023", "431081"};
            for (int i = 0; i < counties.length; i++) {
                feed.publish(RegistryEvents.PLATFORM_ACCREDITED, "plat-" + i, counties[i], new PlatformAccredited("plat-" + i,
                        counties[i], "ENGINEERING_CENTRE", "PROVINCIAL", "湖南省科学技术厅", "湘科认-" + i, "2012-0" + (i + 3) + "-01"));
            }
            // five of ten by mid-2013 is on the pace (10 × 0.499 = 4.99)
            await().atMost(Duration.ofSeconds(30)).until(() -> "5 ON_TRACK".equals(line(target("T8a"))));
            awaitLiveEvaluationOfTheFactsAsTheyAre();
            try (EventProbe probe = new EventProbe(Topics.ALERTS)) {
                for (int i = 0; i < 2; i++) {
                    feed.publish(RegistryEvents.PLATFORM_REVOKED, "plat-" + i, counties[i],
                            new PlatformRevoked("plat-" + i, counties[i], "复核不合格", "2013-05-01"));
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> "3 BEHIND".equals(line(target("T8a"))));
                // the counties that lost their platform raise alerts of their own (T8c): wait for the city's T8a
                await().atMost(Duration.ofSeconds(30)).until(() -> probe.drain(Duration.ofMillis(200)).stream()
                        .anyMatch(r -> T8A_CITY.equals(r.key())));
                List<ConsumerRecord<String, byte[]>> published = probe.drain(Duration.ofMillis(200)).stream()
                        .filter(r -> T8A_CITY.equals(r.key())).toList();
                assertThat(published).hasSize(1);
                String data = new String(published.get(0).value(), StandardCharsets.UTF_8);
                // (4 if the live evaluation ran between the two revocations, 3 otherwise: BEHIND either way)
                assertThat(data).contains("\"fromStatus\":\"ON_TRACK\"", "\"toStatus\":\"BEHIND\"",
                        "\"goal\":\"≥ 10\"", "\"asOf\":\"2013-06-30\"", "\"alertId\":\"" + T8A_CITY + ":");
                assertThat(EventProbe.header(published.get(0), "ce_county")).isEqualTo("431000");
                assertThat(EventProbe.header(published.get(0), "ce_type")).isEqualTo("cn.chenzhou.plan.target.status-changed.v1");

                // the same revocations delivered again change nothing and announce nothing
                feed.sent().subList(feed.sent().size() - 2, feed.sent().size()).forEach(feed::send);
                assertThat(probe.drain(Duration.ofSeconds(2)).stream().filter(r -> T8A_CITY.equals(r.key()))).hasSize(1);
            }
            assertThat(alerts()).as("the alert is shown").anyMatch(a -> (a.get("targetId").asString() + " "
                    + a.get("fromStatus").asString() + "→" + a.get("toStatus").asString()).equals("T8a ON_TRACK→BEHIND"));
        }
    }

    @Autowired
    LiveEvaluation live;

    @Autowired
    FactsReadModel facts;

    /** The live evaluation (which records statuses and raises alerts) has seen the facts as they are now. */
    private void awaitLiveEvaluationOfTheFactsAsTheyAre() {
        long version = facts.version();
        await().atMost(Duration.ofSeconds(30)).until(() -> live.last() != null && live.last().factsVersion() >= version);
    }

    private static String line(JsonNode t) {
        return t == null ? null : t.get("value").asString() + " " + t.get("status").asString();
    }

    private static final String REVISED_PLAN = """
            {"id":"chenzhou-2012-2014-revised","name":{"zh":"三年行动计划（调整后）","en":"Action plan (revised)"},
             "document":"郴科发〔2013〕7号","start":"2012-01-01","end":"2014-12-31","atRiskBelow":0.6,
             "pace":[{"on":"2012-12-31","share":0.2},{"on":"2013-12-31","share":0.6}],
             "targets":[
              {"id":"T8a","label":{"zh":"省级以上技术创新平台","en":"Provincial-or-higher platforms"},
               "indicator":"platforms.provincial-or-higher","scope":"CITY","kind":"AT_LEAST","figure":6},
              {"id":"T8c","label":{"zh":"市级以上平台覆盖","en":"Counties with a platform"},
               "indicator":"platforms.municipal-or-higher","scope":"COUNTY","kind":"ALL_COUNTIES","figure":1,
               "countiesRequired":8,"weight":100},
              {"id":"F1","label":{"zh":"争取资金","en":"Funds secured"},"indicator":"funds.secured","scope":"CITY",
               "kind":"AT_LEAST","figure":100000000,"counting":"IN_PERIOD"}]}""";

    @Test
    @Order(2)
    void aPlanWithOtherFiguresLoadedThroughTheApiChangesTheTargetsShownWithoutARestart() {
        assertThat(http().put("/api/reports/plans/chenzhou-2012-2014-revised", TestTokens.viewer(), REVISED_PLAN).status())
                .isEqualTo(403);
        var loaded = http().put("/api/reports/plans/chenzhou-2012-2014-revised", TestTokens.admin(), REVISED_PLAN);
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(201);
        assertThat(loaded.json().get("active").asBoolean()).isTrue();

        JsonNode scorecard = http().get("/api/reports/scorecard", TestTokens.viewer()).json();
        assertThat(scorecard.get("planId").asString()).isEqualTo("chenzhou-2012-2014-revised");
        assertThat(scorecard.get("targets").size()).isEqualTo(3);
        JsonNode t8a = scorecard.get("targets").get(0);
        // by its own milestones the pace on 30 June 2013 is 0.2 + 0.4 × 181/365 ≈ 0.398: 6 × 0.398 = 2.39 ≤ 3
        assertThat(t8a.get("goal").asString()).isEqualTo("≥ 6");
        assertThat(t8a.get("pace").decimalValue()).isEqualByComparingTo("0.398356");
        assertThat(line(t8a)).isEqualTo("3 ON_TRACK");
        assertThat(scorecard.get("targets").get(1).get("goal").asString()).isEqualTo("≥ 1 × 8/11");
        assertThat(line(scorecard.get("targets").get(1))).as("3 of the 8 counties required; 8 × 0.398 × 0.6 = 1.91")
                .isEqualTo("3/8 BEHIND");

        assertThat(http().get("/api/reports/plans", TestTokens.county("431002")).json().size()).isEqualTo(2);
        var back = http().post("/api/reports/plans/" + DEFAULT_PLAN + "/activation", TestTokens.admin(), "");
        assertThat(back.status()).isEqualTo(200);
        assertThat(http().get("/api/reports/scorecard", TestTokens.viewer()).json().get("targets").size()).isEqualTo(20);
    }

    @Test
    @Order(3)
    void aPlanThatDoesNotHoldTogetherIsRefusedNamingEveryField() {
        String bad = """
                {"id":"Bad Plan","name":{"zh":"坏计划","en":"x"},"start":"2015-01-01","end":"2014-12-31",
                 "targets":[
                  {"id":"T1","label":{"zh":"甲"},"indicator":"no.such.indicator","scope":"CITY","kind":"AT_LEAST","figure":1},
                  {"id":"T1","label":{"zh":"乙"},"indicator":"statistics.fiscal-st-share","scope":"CITY","kind":"SHARE","figure":130},
                  {"id":"T3","label":{"zh":"丙"},"indicator":"zones.provincial-or-higher","scope":"CITY","kind":"RANGE","figure":4}]}""";
        var refused = http().put("/api/reports/plans/Bad%20Plan", TestTokens.admin(), bad);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("id", "end", "targets[0].indicator", "targets[1].id", "targets[1].scope",
                "targets[1].figure", "targets[2].upTo");
        // a blank name is refused as it is read, by the rule every text of every request obeys
        var blankName = http().put("/api/reports/plans/Bad%20Plan", TestTokens.admin(), bad.replace("\"zh\":\"坏计划\"", "\"zh\":\"\""));
        assertThat(blankName.status()).isEqualTo(400);
        assertThat(blankName.json().get("errors").get(0).get("field").asString()).isEqualTo("name.zh");

        var unknownField = http().put("/api/reports/plans/x1", TestTokens.admin(), "{\"id\":\"x1\",\"colour\":\"red\"}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("errors").get(0).get("field").asString()).isEqualTo("colour");
        var mismatch = http().put("/api/reports/plans/other-id", TestTokens.admin(), REVISED_PLAN);
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(http().get("/api/reports/plans/no-such-plan", TestTokens.viewer()).status()).isEqualTo(404);
        assertThat(http().get("/api/reports/plans/active", TestTokens.viewer()).json().get("id").asString()).isEqualTo(DEFAULT_PLAN);
    }

    @Test
    @Order(4)
    void theApiIsDescribedInOpenApi() {
        var docs = http().get("/v3/api-docs", TestTokens.admin());
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames()).contains("/api/reports/scorecard", "/api/reports/plans/{planId}",
                "/api/reports/read-model/rebuild", "/api/reports/targets/{targetId}/series", "/api/reports/exports/scorecard.xlsx",
                "/api/reports/assessment", "/api/reports/funding", "/api/reports/alerts");
    }
}
