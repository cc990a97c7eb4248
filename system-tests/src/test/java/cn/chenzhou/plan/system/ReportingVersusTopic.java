package cn.chenzhou.plan.system;

import cn.chenzhou.plan.sdk.PlatformClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The topics against reporting's read model: per aggregate, the sequence of the last event reporting applied is the
 * last one on the topic (nothing skipped, nothing applied beyond it); and the plan's figures as reporting answers them
 * are those worked out from the topics. Also after reporting rebuilt its read model from the topics.
 */
final class ReportingVersusTopic {
    private ReportingVersusTopic() {
    }

    static Check appliedSequences(TopicSnapshot topic, PlatformClient viewer, String when) {
        Check check = new Check("reporting applied every aggregate up to its last event (" + when + ")",
                "the event topics (last sequence per aggregate) ↔ reporting's read model (sequence applied per aggregate)");
        for (int attempt = 0; attempt < 3; attempt++) {
            check.discrepancies.clear();
            check.compared = 0;
            for (Map.Entry<String, List<TopicSnapshot.Event>> e : topic.byAggregate.entrySet()) {
                TopicSnapshot.Event last = e.getValue().get(e.getValue().size() - 1);
                check.compared(1);
                long applied = applied(viewer, last);
                if (applied != topic.lastSequence(e.getKey())) {
                    check.disagree(e.getKey() + ": reporting applied up to " + applied + ", the topic holds "
                            + topic.lastSequence(e.getKey()));
                }
            }
            if (check.discrepancies.isEmpty()) {
                break;
            }
            // reporting may still be applying the last events a fault delayed: look again, as a reader would
            Reconciliation.sleep(Duration.ofSeconds(10));
        }
        return check;
    }

    private static long applied(PlatformClient viewer, TopicSnapshot.Event last) {
        String path = "/api/reports/read-model/aggregates/" + last.topic() + "/"
                + URLEncoder.encode(last.subject(), StandardCharsets.UTF_8) + "?atLeast=" + last.sequence() + "&waitMs=2000";
        return viewer.get(path).path("sequence").asLong();
    }

    static Check figures(Map<String, Long> topicFigures, PlatformClient viewer, LocalDate asOf, String when) {
        Check check = new Check("reporting's figures are the topics' (" + when + ")",
                "the plan's figures worked out from the event topics ↔ reporting's funding, scorecard and county answers");
        ReportingFigures.compare(check, topicFigures, ReportingFigures.of(viewer, asOf), when);
        return check;
    }

    /** Asks reporting to rebuild its read model from the topics and waits until it has swapped the new one in. */
    static void rebuild(PlatformClient admin) {
        admin.post("/api/reports/read-model/rebuild", "{}");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = admin.get("/api/reports/read-model");
            if ("LIVE".equals(status.path("state").asString()) && "DONE".equals(status.path("rebuild").path("state").asString())) {
                return;
            }
            Reconciliation.sleep(Duration.ofSeconds(1));
        }
        throw new IllegalStateException("reporting's rebuild did not finish within 5 minutes");
    }
}
