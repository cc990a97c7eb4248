package cn.chenzhou.plan.reporting.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestInfrastructure;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.contracts.funding.FundingEvents;
import cn.chenzhou.plan.contracts.funding.FundsSecured;
import cn.chenzhou.plan.reporting.testing.EventFeed;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Given a well-formed {@code funds.secured} event that did not come from funding-service — on another service's topic,
 * or with another service as its source — reporting sets it aside with the reason and no figure moves; the same event
 * from funding-service on its own topic counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ForgedEventsTest {
    private static final String PREFIX = "it-forged";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "reporting_forged_events_test");
        EventFeed.register(registry, PREFIX);
    }

    @LocalServerPort
    int port;

    private String securedFunds() {
        return Http.local(port).get("/api/reports/funding?asOf=2014-12-31", TestTokens.viewer()).json()
                .get("secured").get("secured").asString();
    }

    private static byte[] tenMillion(String entryId) {
        return JSON.writeValueAsBytes(new FundsSecured(entryId, "431023", "NATIONAL", "KEY_RD", null, 1_000_000_000L,
                "2013-05-01", "国科发-forged"));
    }

    @Test
    void aFundsSecuredEventFromAnyoneButFundingServiceOnItsOwnTopicNeverReachesAFigure() {
        String projectsTopic = PREFIX + "." + Topics.PROJECTS;
        String fundingTopic = PREFIX + "." + Topics.FUNDING;
        String before = securedFunds();
        try (EventFeed feed = new EventFeed(PREFIX);
             EventProbe projectsDlt = new EventProbe(Topics.deadLetterOf(projectsTopic));
             EventProbe fundingDlt = new EventProbe(Topics.deadLetterOf(fundingTopic))) {
            // claiming to be funding-service, on project-service's topic (all a project-service credential can write)
            feed.send(feed.record(FundingEvents.FUNDS_SECURED, projectsTopic, "/funding-service", "forged-1", "431023", 1,
                    tenMillion("forged-1")));
            // as project-service, honestly, on its own topic: a type it does not publish
            feed.send(feed.record(FundingEvents.FUNDS_SECURED, projectsTopic, "/project-service", "forged-2", "431023", 1,
                    tenMillion("forged-2")));
            // on funding's topic, from another source
            feed.send(feed.record(FundingEvents.FUNDS_SECURED, fundingTopic, "/project-service", "forged-3", "431023", 1,
                    tenMillion("forged-3")));

            List<ConsumerRecord<String, byte[]>> onProjects = projectsDlt.await(2, Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> onFunding = fundingDlt.await(1, Duration.ofSeconds(30));
            assertThat(onProjects).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("forged-1", "forged-2");
            assertThat(onFunding).extracting(ConsumerRecord::key).containsExactly("forged-3");
            assertThat(reason(onProjects, "forged-1")).contains("source '/funding-service'").contains("/project-service");
            assertThat(reason(onProjects, "forged-2")).contains("funds.secured").contains("funding-service");
            assertThat(reason(onFunding, "forged-3")).contains("source '/project-service'").contains("/funding-service");
            assertThat(securedFunds()).isEqualTo(before);

            // the same event from funding-service, on its own topic: counted (the figure can move, and it is read)
            feed.publish(FundingEvents.FUNDS_SECURED, "genuine-1", "431023", JSON.readTree(tenMillion("genuine-1")));
            await().atMost(Duration.ofSeconds(30)).until(() -> !securedFunds().equals(before));
        }
    }

    private static String reason(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).findFirst()
                .map(r -> EventProbe.header(r, "kafka_dlt-exception-message")).orElse("");
    }
}
