package cn.chenzhou.plan.projects.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.projects.ProjectServiceTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A project's whole life over HTTP, on the real broker and wire server: exactly the expected events, in order, once. */
class ProjectLifeIntegrationTest extends ProjectServiceTest {
    private static final String PLAN_OFFICE = "plan-office";
    private static final String PORTAL = "county-" + YONGXING;

    private Http.Response revise(String id, String revisedOn, String requested) {
        return http().put("/api/projects/" + id, county(YONGXING), "{\"version\":" + version(id) + ","
                + applicationFields("COUNTY_ECONOMY", "MUNICIPAL", requested) + ",\"revisedOn\":\"" + revisedOn + "\"}");
    }

    @Test
    void aProjectTakenThroughItsWholeLifeEmitsExactlyTheExpectedEventsInOrderEachOnce() {
        awaitOutboxDrained();
        try (EventProbe probe = new EventProbe(Topics.PROJECTS)) {
            // given a county drafts a project, corrects it after formal review returned it, and the plan office takes it on
            String id = draft(YONGXING);
            ok(revise(id, "2012-06-05", "480000.00"));
            ok(act(id, "submit", county(YONGXING), SUBMIT));
            ok(act(id, "formal-review", admin(), "\"outcome\":\"RETURNED\",\"reason\":\"缺少查新报告\",\"reviewedOn\":\"2012-06-20\""));
            ok(revise(id, "2012-06-22", "460000.00"));
            ok(act(id, "submit", county(YONGXING), "\"submittedOn\":\"2012-06-25\""));
            ok(act(id, "formal-review", admin(), "\"outcome\":\"PASSED\",\"reviewedOn\":\"2012-06-28\""));
            ok(act(id, "expert-review", admin(), EXPERTS));
            ok(act(id, "approve", admin(), APPROVE));
            ok(act(id, "start", admin(), START));
            ok(act(id, "midterm-check", admin(), "\"result\":\"SATISFACTORY\",\"opinion\":\"按计划推进\",\"checkedOn\":\"2013-06-15\""));
            Http.Response accepted = act(id, "accept", admin(),
                    "\"conclusion\":\"PASSED\",\"result\":\"完成全部考核指标\",\"acceptedOn\":\"2014-07-01\"");
            ok(accepted);

            // then exactly these events left, in this order, each once, numbered 1..12, keyed by the project
            List<String> expected = List.of("drafted", "revised", "submitted", "returned", "revised", "submitted",
                    "formal-review-passed", "expert-reviewed", "approved", "started", "midterm-checked", "accepted");
            List<ConsumerRecord<String, byte[]>> events = probe.await(expected.size(), Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> all = probe.drain(Duration.ofSeconds(1));
            assertThat(all).hasSize(expected.size());
            assertThat(events).extracting(ProjectServiceTest::type)
                    .containsExactlyElementsOf(expected.stream().map(t -> "cn.chenzhou.plan.project." + t + ".v1").toList());
            assertThat(events).extracting(e -> Long.parseLong(EventProbe.header(e, "ce_sequence")))
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, expected.size()).boxed().toList());
            assertThat(events).allSatisfy(e -> {
                assertThat(e.key()).isEqualTo(id);
                assertThat(EventProbe.header(e, "ce_subject")).isEqualTo(id);
                assertThat(EventProbe.header(e, "ce_county")).isEqualTo(YONGXING);
            });
            assertThat(events).extracting(e -> EventProbe.header(e, "ce_actor")).containsExactly(PORTAL, PORTAL, PORTAL,
                    PLAN_OFFICE, PORTAL, PORTAL, PLAN_OFFICE, PLAN_OFFICE, PLAN_OFFICE, PLAN_OFFICE, PLAN_OFFICE, PLAN_OFFICE);
            assertThat(events).extracting(e -> EventProbe.header(e, "ce_id")).doesNotHaveDuplicates();

            // and every event carries the effective date and the facts of its step
            assertThat(data(events.get(0))).contains("\"draftedOn\":\"2012-06-01\"", "\"requestedFen\":50000000",
                    "\"periodStart\":\"2012-07-01\"");
            assertThat(data(events.get(3))).contains("\"reason\":\"缺少查新报告\"", "\"returnedOn\":\"2012-06-20\"");
            assertThat(data(events.get(4))).contains("\"requestedFen\":46000000", "\"revisedOn\":\"2012-06-22\"");
            assertThat(data(events.get(5))).contains("\"submittedOn\":\"2012-06-25\"", "\"requestedFen\":46000000");
            assertThat(data(events.get(7))).contains("\"reviewerCount\":3", "\"aggregateScore\":86.17", "\"reviewedOn\":\"2012-07-10\"");
            assertThat(data(events.get(8))).contains("\"approvedFen\":45000000", "\"taskContractNo\":\"CZKJ-2012-017\"",
                    "\"programme\":\"COUNTY_ECONOMY\"", "\"level\":\"MUNICIPAL\"", "\"approvedOn\":\"2012-08-01\"");
            assertThat(data(events.get(10))).contains("\"result\":\"SATISFACTORY\"", "\"checkedOn\":\"2013-06-15\"");
            assertThat(data(events.get(11))).contains("\"conclusion\":\"PASSED\"", "\"acceptedOn\":\"2014-07-01\"");

            // and the project shows where it ended and what happened on the way
            JsonNode project = accepted.json();
            assertThat(project.get("status").asString()).isEqualTo("ACCEPTED");
            assertThat(project.get("version").asLong()).isEqualTo(12);
            assertThat(project.get("year").asInt()).isEqualTo(2012);
            assertThat(project.get("approval").get("approvedAmount").asString()).isEqualTo("450000.00");
            assertThat(project.get("lastReturn").get("reason").asString()).isEqualTo("缺少查新报告");
            assertThat(project.get("allowedTransitions").size()).isZero();

            JsonNode history = http().get("/api/projects/" + id + "/history", county(YONGXING)).json();
            assertThat(history.get("entries").valueStream().map(e -> e.get("action").asString()).toList())
                    .containsExactly("draft", "revise", "submit", "return", "revise", "submit", "pass-formal-review",
                            "expert-review", "approve", "start", "midterm-check", "accept");
            JsonNode approval = history.get("entries").get(8);
            assertThat(approval.get("actor").asString()).isEqualTo(PLAN_OFFICE);
            assertThat(approval.get("fromStatus").asString()).isEqualTo("EXPERT_REVIEWED");
            assertThat(approval.get("toStatus").asString()).isEqualTo("APPROVED");
            assertThat(approval.get("effectiveOn").asString()).isEqualTo("2012-08-01");
            assertThat(approval.get("recordedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
        }
    }

    @Test
    void anIllegalTransitionIsA409SayingWhichStepFromWhichStatusAndChangesNothing() {
        String id = draft(YONGXING);
        awaitOutboxDrained();
        try (EventProbe probe = new EventProbe(Topics.PROJECTS)) {
            Http.Response refused = act(id, "approve", admin(), APPROVE);

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            JsonNode problem = refused.json();
            assertThat(problem.get("type").asString()).isEqualTo("urn:cn.chenzhou.plan:problem:illegal-transition");
            assertThat(problem.get("detail").asString()).isEqualTo("cannot approve a project that is DRAFT");
            assertThat(problem.get("currentStatus").asString()).isEqualTo("DRAFT");
            assertThat(problem.get("attemptedTransition").asString()).isEqualTo("approve");
            assertThat(problem.get("allowedTransitions").valueStream().map(JsonNode::asString).toList())
                    .containsExactly("revise", "submit");

            Http.Response returnedTwice = act(id, "formal-review", admin(),
                    "\"outcome\":\"RETURNED\",\"reason\":\"x\",\"reviewedOn\":\"2012-06-20\"");
            assertThat(returnedTwice.status()).isEqualTo(409);
            assertThat(returnedTwice.json().get("detail").asString()).isEqualTo("cannot return a project that is DRAFT");

            assertThat(version(id)).isEqualTo(1);
            assertThat(probe.drain(Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void aRejectedProjectEndsThereAndAnApprovedOneMayBeTerminatedBeforeItStarts() {
        String rejected = expertReviewedProject(YONGXING);
        String terminated = approvedProject(YONGXING);
        awaitOutboxDrained();
        try (EventProbe probe = new EventProbe(Topics.PROJECTS)) {
            ok(act(rejected, "reject", admin(), "\"reason\":\"创新性不足\",\"rejectedOn\":\"2012-08-01\""));
            ok(act(terminated, "terminate", admin(), "\"reason\":\"承担单位放弃\",\"terminatedOn\":\"2012-08-15\""));
            assertThat(act(rejected, "approve", admin(), APPROVE).json().get("detail").asString())
                    .isEqualTo("cannot approve a project that is REJECTED");
            assertThat(act(terminated, "start", admin(), START).json().get("detail").asString())
                    .isEqualTo("cannot start a project that is TERMINATED");

            List<ConsumerRecord<String, byte[]>> events = probe.await(2, Duration.ofSeconds(20));
            assertThat(probe.drain(Duration.ofSeconds(1))).hasSize(2);
            ConsumerRecord<String, byte[]> rejection = events.stream().filter(e -> e.key().equals(rejected)).findFirst().orElseThrow();
            assertThat(type(rejection)).isEqualTo("cn.chenzhou.plan.project.rejected.v1");
            assertThat(EventProbe.header(rejection, "ce_sequence")).isEqualTo("5");
            assertThat(data(rejection)).contains("\"reason\":\"创新性不足\"", "\"rejectedOn\":\"2012-08-01\"");
            ConsumerRecord<String, byte[]> termination = events.stream().filter(e -> e.key().equals(terminated)).findFirst().orElseThrow();
            assertThat(type(termination)).isEqualTo("cn.chenzhou.plan.project.terminated.v1");
            assertThat(EventProbe.header(termination, "ce_sequence")).isEqualTo("6");
        }
    }

    @Test
    void aStepCannotTakeEffectBeforeThePreviousOneNorInTheFuture() {
        String id = expertReviewedProject(YONGXING);
        Http.Response early = act(id, "approve", admin(),
                "\"approvedAmount\":\"450000.00\",\"taskContractNo\":\"CZKJ-1\",\"approvedOn\":\"2012-07-09\"");
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().get("errors").get(0).get("field").asString()).isEqualTo("approvedOn");
        assertThat(early.json().get("detail").asString()).contains("2012-07-10");

        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        Http.Response future = act(id, "approve", admin(),
                "\"approvedAmount\":\"450000.00\",\"taskContractNo\":\"CZKJ-1\",\"approvedOn\":\"" + tomorrow + "\"");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("approvedOn");
        assertThat(future.json().get("errors").get(0).get("reason").asString()).contains("future");

        Http.Response tooMuch = act(id, "approve", admin(),
                "\"approvedAmount\":\"500000.01\",\"taskContractNo\":\"CZKJ-1\",\"approvedOn\":\"2012-08-01\"");
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.json().get("errors").get(0).get("field").asString()).isEqualTo("approvedAmount");
        assertThat(version(id)).isEqualTo(4);
    }
}
