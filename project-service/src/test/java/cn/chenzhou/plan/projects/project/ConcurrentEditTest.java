package cn.chenzhou.plan.projects.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.projects.ProjectServiceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Optimistic locking: of two edits made from the same version, one wins, the other gets a 409 and nothing of it is stored. */
class ConcurrentEditTest extends ProjectServiceTest {

    @Test
    void ofConcurrentDecisionsOnTheSameVersionExactlyOneWinsAndOnlyItsEventLeaves() throws Exception {
        String id = expertReviewedProject(YONGXING);
        long read = version(id);
        awaitOutboxDrained();
        int contenders = 8;
        try (EventProbe probe = new EventProbe(Topics.PROJECTS)) {
            // when eight officers decide at once, having all read the same version — half approve, half reject
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(contenders);
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                String body = i % 2 == 0
                        ? "{\"version\":" + read + "," + APPROVE + "}"
                        : "{\"version\":" + read + ",\"reason\":\"创新性不足\",\"rejectedOn\":\"2012-08-01\"}";
                String step = i % 2 == 0 ? "approve" : "reject";
                answers.add(pool.submit(() -> {
                    go.await();
                    return http().post("/api/projects/" + id + "/" + step, admin(), body);
                }));
            }
            go.countDown();
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();

            // then exactly one succeeded and every other got a 409 problem
            List<Http.Response> won = responses.stream().filter(r -> r.status() == 200).toList();
            assertThat(won).as(responses.toString()).hasSize(1);
            assertThat(responses).filteredOn(r -> r.status() != 200).hasSize(contenders - 1).allSatisfy(r -> {
                assertThat(r.status()).as(r.toString()).isEqualTo(409);
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.json().get("type").asString()).matches(".*:(stale-version|concurrent-update|illegal-transition)");
            });

            // and the project holds the winner's decision, once, and only its event was published
            String decision = won.get(0).json().get("status").asString();
            JsonNode project = http().get("/api/projects/" + id, admin()).json();
            assertThat(project.get("status").asString()).isEqualTo(decision);
            assertThat(project.get("version").asLong()).isEqualTo(read + 1);
            JsonNode history = http().get("/api/projects/" + id + "/history", admin()).json().get("entries");
            assertThat(history.size()).isEqualTo(5);
            List<ConsumerRecord<String, byte[]>> events = probe.await(1, Duration.ofSeconds(20));
            assertThat(probe.drain(Duration.ofSeconds(1))).hasSize(1);
            assertThat(type(events.get(0))).isEqualTo(decision.equals("APPROVED")
                    ? "cn.chenzhou.plan.project.approved.v1" : "cn.chenzhou.plan.project.rejected.v1");
            assertThat(EventProbe.header(events.get(0), "ce_sequence")).isEqualTo("5");
        }
    }

    @Test
    void anEditFromAStaleVersionIsA409ThatSaysWhichVersionIsCurrentAndLosesNothing() {
        String id = draft(YONGXING);
        String revision = "{\"version\":1," + applicationFields("SPARK", "NATIONAL", "300000.00") + ",\"revisedOn\":\"2012-06-02\"}";
        ok(http().put("/api/projects/" + id, county(YONGXING), revision));

        // a second clerk of the county still has version 1 in front of her
        String stale = "{\"version\":1," + applicationFields("LIVELIHOOD", "MUNICIPAL", "100000.00") + ",\"revisedOn\":\"2012-06-02\"}";
        Http.Response refused = http().put("/api/projects/" + id, county(YONGXING), stale);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith(":stale-version");
        assertThat(refused.json().get("currentVersion").asLong()).isEqualTo(2);
        assertThat(refused.json().get("sentVersion").asLong()).isEqualTo(1);
        JsonNode project = http().get("/api/projects/" + id, county(YONGXING)).json();
        assertThat(project.get("programme").asString()).isEqualTo("SPARK");
        assertThat(project.get("requestedAmount").asString()).isEqualTo("300000.00");
        assertThat(project.get("version").asLong()).isEqualTo(2);
    }
}
