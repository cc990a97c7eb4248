package cn.chenzhou.plan.reporting.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestInfrastructure;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.registry.DesignationGranted;
import cn.chenzhou.plan.contracts.registry.RegistryEvents;
import cn.chenzhou.plan.reporting.testing.EventFeed;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Given a client that has just written, when it asks reporting to wait for its event, then it is answered once applied. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadYourWriteTest {
    private static final String PREFIX = "it-read-your-write";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "reporting_read_your_write_test");
        EventFeed.register(registry, PREFIX);
    }

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    SequenceWaits waits;

    private String path(String aggregateId, String query) {
        return "/api/reports/read-model/aggregates/" + PREFIX + ".registry.events/" + aggregateId + query;
    }

    @Test
    void aReaderWaitingForAnEventIsAnsweredWithItsSequenceOnceTheEventIsApplied() {
        Http http = Http.local(port);
        String id = "des-wait-1";
        CompletableFuture<Http.Response> waiting = CompletableFuture.supplyAsync(
                () -> http.get(path(id, "?atLeast=1&waitMs=10000"), TestTokens.viewer()));
        // the request is parked before the event exists: what follows is the wake-up, not an immediate answer
        await().atMost(Duration.ofSeconds(10)).until(() -> waits.waiting() == 1);
        try (EventFeed feed = new EventFeed(PREFIX)) {
            feed.publish(RegistryEvents.DESIGNATION_GRANTED, id, "431023", new DesignationGranted(id, "431023",
                    "HIGH_TECH_ENTERPRISE", "NATIONAL", "企业", null, "doc", "2013-05-05"));
        }
        // answered when the event is applied, long before the 10 s wait would have run out
        await().atMost(Duration.ofSeconds(20)).until(waiting::isDone);
        Http.Response answer = waiting.join();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("sequence").asLong()).isEqualTo(1);
        // asking for what is already applied answers at once
        assertThat(http.get(path(id, "?atLeast=1&waitMs=10000"), TestTokens.viewer()).json().get("sequence").asLong()).isEqualTo(1);
    }

    @Test
    void aWaitThatRunsOutAnswersWithTheSequenceAppliedSoFar() {
        Http.Response answer = Http.local(port).get(path("des-never-published", "?atLeast=1&waitMs=300"), TestTokens.finance());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("sequence").asLong()).isZero();
    }

    @Test
    void aWaitLongerThanTenSecondsOrAnAtLeastBelowOneIsRefusedNamingTheField() {
        Http http = Http.local(port);
        // thirty seconds outlasts the gateway's 20 s limit: six such waits once opened the gateway's breaker on reporting
        Http.Response tooLong = http.get(path("des-x", "?atLeast=1&waitMs=30000"), TestTokens.viewer());
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
        assertThat(tooLong.body()).contains("waitMs").contains("10000");
        assertThat(http.get(path("des-x", "?atLeast=1&waitMs=10001"), TestTokens.viewer()).status()).isEqualTo(400);
        Http.Response zero = http.get(path("des-x", "?atLeast=0&waitMs=100"), TestTokens.viewer());
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.body()).contains("atLeast");
    }

    @Test
    void aCountyPortalMayNotWatchTheReadModel() {
        assertThat(Http.local(port).get(path("des-x", "?atLeast=1&waitMs=100"), TestTokens.county("431023")).status())
                .isEqualTo(403);
    }
}
