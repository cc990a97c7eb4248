package cn.chenzhou.plan.system;

import cn.chenzhou.plan.sdk.PlatformClient;
import cn.chenzhou.plan.system.LoadGenerator.Kind;
import cn.chenzhou.plan.system.LoadGenerator.Outcome;
import cn.chenzhou.plan.system.LoadGenerator.Status;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

/**
 * After the load and the faults: does every witness agree? The clients' answers against the owners' stores, the stores
 * against the topics (read with a plain consumer), the topics against reporting's read model — its applied sequences
 * and its figures, also after a rebuild from the topics — and every duplicate delivery against its first. Each check
 * names its sources and counts what it compared; one that compared nothing fails.
 */
final class Reconciliation {
    private static final Duration SETTLE = Duration.ofMinutes(3);

    final List<Check> checks = new ArrayList<>();
    final Map<Kind, Map<Status, Integer>> commands = new EnumMap<>(Kind.class);
    final Map<String, Integer> notAccepted = new TreeMap<>();
    Map<String, Integer> uncertainResolution = Map.of();
    TopicSnapshot topic;
    StoreSnapshot store;
    final List<String> notes = new ArrayList<>();

    /** @param admin a plan-office client, for the rebuild; null to leave the rebuild out */
    static Reconciliation run(Deployment platform, List<Outcome> outcomes, PlatformClient viewer, PlatformClient admin) {
        Reconciliation r = new Reconciliation();
        r.tally(outcomes);
        try (MongoClient mongo = MongoClients.create(platform.mongoUri())) {
            r.settle(mongo, platform.kafkaClient());
            AnswersVersusStores answers = new AnswersVersusStores(mongo);
            r.checks.addAll(answers.check(outcomes));
            r.uncertainResolution = answers.uncertainResolution;
            r.checks.add(StoreVersusTopic.check(r.store, r.topic));
            r.checks.add(Duplicates.check(r.topic));
            r.checks.add(r.deadLetters());
            ReportingFigures.Period period = ReportingFigures.period(viewer);
            Map<String, Long> figures = TopicFigures.of(r.topic, period.start(), period.end());
            r.checks.add(r.storeFigures(answers, figures));
            r.awaitReporting(viewer);
            r.checks.add(ReportingVersusTopic.appliedSequences(r.topic, viewer, "as it ran"));
            r.checks.add(ReportingVersusTopic.figures(figures, viewer, period.end(), "as it ran"));
            if (admin != null) {
                ReportingVersusTopic.rebuild(admin);
                r.checks.add(ReportingVersusTopic.appliedSequences(r.topic, viewer, "after a rebuild from the topics"));
                r.checks.add(ReportingVersusTopic.figures(figures, viewer, period.end(), "after a rebuild from the topics"));
            }
        }
        return r;
    }

    boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    private void tally(List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            commands.computeIfAbsent(o.kind(), k -> new EnumMap<>(Status.class)).merge(o.status(), 1, Integer::sum);
            if (o.status() != Status.ACCEPTED) {
                String why = o.detail() == null ? "?" : o.detail().replaceAll(" \\(request [^)]*\\)", "");
                notAccepted.merge(o.kind() + " " + o.status() + ": " + (why.length() > 140 ? why.substring(0, 140) : why),
                        1, Integer::sum);
            }
        }
    }

    /**
     * Reads the stores and the topics until they agree or {@link #SETTLE} has passed: the relays may still be
     * publishing what they were handed during the last fault. Waits on what the witnesses show, not on the outbox's
     * own flags.
     */
    private void settle(MongoClient mongo, Map<String, Object> kafka) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        long started = System.nanoTime();
        while (true) {
            store = StoreSnapshot.read(mongo);
            topic = TopicSnapshot.read(kafka);
            if (StoreVersusTopic.check(store, topic).passed() || System.nanoTime() > deadline) {
                notes.add(String.format("stores and topics read after %.0f s of settling",
                        (System.nanoTime() - started) / 1e9));
                return;
            }
            sleep(Duration.ofSeconds(5));
        }
    }

    /** The owner's own money figures (the 2014 special fund as funding stores it) against the topic's. */
    private Check storeFigures(AnswersVersusStores answers, Map<String, Long> topicFigures) {
        Check check = new Check("the owner's money figures equal the topic's",
                "funding's store (the 2014 special fund document) ↔ the funding topic");
        long allocated = 0;
        long disbursed = 0;
        for (Document a : answers.specialFund2014()) {
            if (a.get("revocation") == null) {
                allocated += ((Number) a.get("amount")).longValue();
                for (Document d : a.getList("disbursements", Document.class, List.of())) {
                    disbursed += ((Number) d.get("amount")).longValue();
                }
            }
        }
        Map<String, Long> stored = new LinkedHashMap<>();
        stored.put("special fund 2014: allocated (fen)", allocated);
        stored.put("special fund 2014: disbursed (fen)", disbursed);
        stored.forEach((figure, value) -> {
            check.compared(1);
            if (!value.equals(topicFigures.get(figure))) {
                check.disagree(figure + ": funding stores " + value + ", its topic makes it " + topicFigures.get(figure));
            }
        });
        return check;
    }

    private Check deadLetters() {
        Check check = new Check("no event was dead-lettered",
                "the dead-letter topics ↔ the events read (every event a consumer could not apply lands there)");
        check.compared(topic.all.size());
        topic.deadLetters.forEach(d -> check.disagree("dead letter " + d));
        return check;
    }

    /** Until reporting reports it has read everything published (lag 0), at most {@link #SETTLE}. */
    private void awaitReporting(PlatformClient viewer) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                JsonNode status = viewer.get("/api/reports/read-model");
                if (status.path("lag").asLong(-1) == 0) {
                    notes.add("reporting, by its own count: " + status.path("eventsApplied").asLong() + " events applied, "
                            + status.path("duplicates").asLong() + " deliveries dropped as already applied, "
                            + status.path("deadLettered").asLong() + " dead-lettered (counts since its last start)");
                    return;
                }
            } catch (RuntimeException e) {
                // reporting may still be coming back from the last fault
            }
            sleep(Duration.ofSeconds(2));
        }
        notes.add("reporting still reported a lag after " + SETTLE.toMinutes() + " min");
    }

    String report(List<String> faults, LocalDate date) {
        StringBuilder out = new StringBuilder("\n==== reconciliation (" + date + ") ====\n");
        if (faults != null) {
            out.append("faults injected (").append(faults.size()).append("):\n");
            faults.forEach(f -> out.append("  - ").append(f).append('\n'));
        }
        out.append("commands:\n");
        commands.forEach((kind, statuses) -> out.append("  ").append(kind).append(' ').append(statuses).append('\n'));
        out.append("uncertain commands resolved by look-up: ").append(uncertainResolution).append('\n');
        Map<String, Long> perTopic = new TreeMap<>();
        topic.all.forEach(e -> perTopic.merge(e.topic(), 1L, Long::sum));
        out.append("events (first deliveries): ").append(perTopic).append(", aggregates ").append(topic.byAggregate.size())
                .append(", records read ").append(topic.records).append(", duplicate deliveries ")
                .append(topic.duplicates.size()).append(", dead letters ").append(topic.deadLetters.size()).append('\n');
        out.append("aggregates stored: ").append(store.byAggregate.size()).append('\n');
        notes.forEach(n -> out.append("note: ").append(n).append('\n'));
        out.append("checks:\n");
        checks.forEach(c -> out.append("  ").append(c.line()).append('\n'));
        out.append("not accepted, by reason:\n");
        notAccepted.forEach((why, n) -> out.append("  ").append(n).append(" × ").append(why).append('\n'));
        List<String> all = checks.stream().flatMap(c -> c.discrepancies.stream().map(d -> c.name + ": " + d)).toList();
        out.append("discrepancies: ").append(all.size()).append('\n');
        all.stream().limit(30).forEach(d -> out.append("  ! ").append(d).append('\n'));
        if (all.size() > 30) {
            out.append("  … and ").append(all.size() - 30).append(" more\n");
        }
        return out.toString();
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
