package cn.chenzhou.plan.benchmark;

import cn.chenzhou.plan.contracts.EventType;
import cn.chenzhou.plan.contracts.project.ProjectAccepted;
import cn.chenzhou.plan.contracts.project.ProjectApproved;
import cn.chenzhou.plan.contracts.project.ProjectDrafted;
import cn.chenzhou.plan.contracts.project.ProjectEvents;
import cn.chenzhou.plan.contracts.project.ProjectExpertReviewed;
import cn.chenzhou.plan.contracts.project.ProjectFormalReviewPassed;
import cn.chenzhou.plan.contracts.project.ProjectMidtermChecked;
import cn.chenzhou.plan.contracts.project.ProjectReturned;
import cn.chenzhou.plan.contracts.project.ProjectRevised;
import cn.chenzhou.plan.contracts.project.ProjectStarted;
import cn.chenzhou.plan.contracts.project.ProjectSubmitted;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Project histories as project-service would publish them, to give a rebuild a million events to read: CloudEvents in
 * the Kafka binary binding on {@code projects.events}, keyed by project id, each project's events numbered 1 … 40 in
 * {@code ce_sequence}, the data records of the contracts module. A history is the full life of a project whose county
 * revised the draft many times before submitting: drafted, 29 revisions, submitted, returned by formal review,
 * revised, submitted again, formal review passed, expert-reviewed, approved, started, mid-term checked, accepted.
 * Events are produced step by step across all projects (every project drafted, then every first revision …), so the
 * topics interleave many aggregates as real traffic does.
 */
final class SyntheticEvents {
    static final int EVENTS_PER_PROJECT = 40;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CREDIT_CODE = "91431023MA4L5EAY54";
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final int projects;

    SyntheticEvents(long events) {
        this.projects = (int) Math.max(1, (events + EVENTS_PER_PROJECT - 1) / EVENTS_PER_PROJECT);
    }

    int projects() {
        return projects;
    }

    String projectId(int p) {
        return "prj-bench-" + run + "-" + p;
    }

    static String county(int p) {
        return Workload.COUNTIES.get(p % Workload.COUNTIES.size());
    }

    /** Event {@code step} (1-based sequence) of project {@code p}. */
    ProducerRecord<String, byte[]> record(int p, int step) {
        String id = projectId(p);
        String county = county(p);
        String title = "县域科技项目 " + p;
        long fen = 50_000_000L + p % 100 * 10_000L;
        Object data;
        EventType type;
        if (step == 1) {
            type = ProjectEvents.DRAFTED;
            data = new ProjectDrafted(id, county, title, "COUNTY_ECONOMY", "MUNICIPAL", "郴州市某某科技有限公司",
                    CREDIT_CODE, fen, "2012-07-01", "2014-06-30", "2012-05-02");
        } else if (step <= 30 || step == 33) {
            type = ProjectEvents.REVISED;
            data = new ProjectRevised(id, county, title + "（修订" + step + "）", "COUNTY_ECONOMY", "MUNICIPAL",
                    "郴州市某某科技有限公司", CREDIT_CODE, fen + step, "2012-07-01", "2014-06-30", "2012-05-" + day(step));
        } else if (step == 31 || step == 34) {
            type = ProjectEvents.SUBMITTED;
            data = new ProjectSubmitted(id, county, title, "COUNTY_ECONOMY", "MUNICIPAL", "郴州市某某科技有限公司",
                    CREDIT_CODE, fen, step == 31 ? "2012-06-01" : "2012-06-10");
        } else {
            switch (step) {
                case 32 -> {
                    type = ProjectEvents.RETURNED;
                    data = new ProjectReturned(id, county, "申报书缺少配套资金承诺", "2012-06-05");
                }
                case 35 -> {
                    type = ProjectEvents.FORMAL_REVIEW_PASSED;
                    data = new ProjectFormalReviewPassed(id, county, "2012-06-15");
                }
                case 36 -> {
                    type = ProjectEvents.EXPERT_REVIEWED;
                    data = new ProjectExpertReviewed(id, county, 5, 80 + p % 20, "2012-06-25");
                }
                case 37 -> {
                    type = ProjectEvents.APPROVED;
                    data = new ProjectApproved(id, county, "COUNTY_ECONOMY", "MUNICIPAL", fen, "CZKJ-2012-" + p, "2012-07-01");
                }
                case 38 -> {
                    type = ProjectEvents.STARTED;
                    data = new ProjectStarted(id, county, "2012-07-10");
                }
                case 39 -> {
                    type = ProjectEvents.MIDTERM_CHECKED;
                    data = new ProjectMidtermChecked(id, county, "SATISFACTORY", "2013-07-10");
                }
                case 40 -> {
                    type = ProjectEvents.ACCEPTED;
                    data = new ProjectAccepted(id, county, "PASSED", "2014-06-30");
                }
                default -> throw new IllegalArgumentException("a project history has " + EVENTS_PER_PROJECT + " events, not " + step);
            }
        }
        return KafkaMessageFactory.<String>createWriter(type.topic(), id).writeBinary(CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString()).withSource(URI.create(cn.chenzhou.plan.contracts.Topics.sourceOf(cn.chenzhou.plan.contracts.Topics.OWNERS.get(type.topic()))))
                .withType(type.type()).withSubject(id).withTime(OffsetDateTime.now())
                .withDataSchema(URI.create(type.dataSchema())).withDataContentType("application/json")
                .withExtension("county", county).withExtension("actor", "county-" + county).withExtension("sequence", (long) step)
                .withData(JSON.writeValueAsBytes(data)).build());
    }

    private static String day(int step) {
        return String.format("%02d", 2 + step % 27);
    }

    static List<String> topics() {
        return List.of(cn.chenzhou.plan.contracts.Topics.PROJECTS, cn.chenzhou.plan.contracts.Topics.FUNDING,
                cn.chenzhou.plan.contracts.Topics.REGISTRY);
    }
}
