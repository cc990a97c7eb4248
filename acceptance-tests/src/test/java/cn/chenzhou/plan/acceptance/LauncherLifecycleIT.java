package cn.chenzhou.plan.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./platform up} promises: one READY line when everything answers, Ctrl-C (SIGTERM) stops every process
 * it started, and a second start on the same data directory finds the data of the first.
 */
class LauncherLifecycleIT {

    @Test
    void aStoppedPlatformLeavesNothingRunningAndTheNextStartFindsItsData() throws Exception {
        RunningPlatform first = new RunningPlatform();
        String id;
        try {
            assertThat(first.awaitReady(Duration.ofSeconds(240))).isEqualTo("READY " + first.gateway());
            assertThat(first.output().lines().filter(l -> l.startsWith("READY")).count()).isEqualTo(1);
            String token = first.token("county-431022");
            RunningPlatform.Reply drafted = first.post("/api/projects", token, """
                    {"county":"431022","title":"宜章县脐橙品质提升技术示范","programme":"RICH_COUNTY","level":"MUNICIPAL",
                     "applicant":{"name":"宜章县脐橙专业合作社","creditCode":"93431022MA4L5EAY5F"},"requestedAmount":"120000.00",
                     "period":{"start":"2012-09-01","end":"2013-12-31"},"contact":{"name":"黄伟","phone":"0735-3721234"},
                     "draftedOn":"2012-09-01"}""");
            assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
            id = drafted.json().get("id").asString();

            List<ProcessHandle> children = ProcessHandle.of(first.launcherPid()).orElseThrow().children().toList();
            // the authorization server, the four services, the gateway and Zipkin
            assertThat(children).hasSize(7);
            // 143 = 128 + SIGTERM: how a JVM reports a stop by signal after its shutdown hooks ran
            assertThat(first.stop()).isIn(0, 143);
            assertThat(first.output()).contains("stopped; data kept in");
            await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        } catch (Throwable t) {
            first.close();
            throw t;
        }

        try (RunningPlatform second = new RunningPlatform(first.dataDir(), Map.of())) {
            second.awaitReady(Duration.ofSeconds(240));
            RunningPlatform.Reply found = second.get("/api/projects/" + id, second.token("county-431022"));
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            assertThat(found.json().get("title").asString()).isEqualTo("宜章县脐橙品质提升技术示范");
        }
    }
}
