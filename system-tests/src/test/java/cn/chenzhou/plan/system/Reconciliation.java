package cn.chenzhou.plan.system;

import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.contracts.testing.EventSchemas;
import cn.chenzhou.plan.sdk.PlatformClient;
import cn.chenzhou.plan.system.LoadGenerator.Kind;
import cn.chenzhou.plan.system.LoadGenerator.Outcome;
import cn.chenzhou.plan.system.LoadGenerator.Status;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

/**
 * After the faults: does every store, every topic and reporting's read model agree with what the clients were told?
 * Each finding that disagrees is a discrepancy; the suite demands none.
 */
final class Reconciliation {
    final Map<Kind, Map<Status, Integer>> commands = new EnumMap<>(Kind.class);
    final Map<String, Long> eventsByTopic = new TreeMap<>();
    long distinctEvents;
    long duplicateDeliveries;
    long deadLetters;
    final List<String> discrepancies = new ArrayList<>();
    final Map<String, Integer> refusals = new TreeMap<>();
    private final Map<String, Set<Long>> sequences = new HashMap<>();
    private final Map<String, Integer> typeCounts = new HashMap<>();

    static Reconciliation check(PlatformContainers platform, List<Outcome> outcomes, PlatformClient viewer) {
        Reconciliation r = new Reconciliation();
        for (Outcome o : outcomes) {
            r.commands.computeIfAbsent(o.kind(), k -> new EnumMap<>(Status.class)).merge(o.status(), 1, Integer::sum);
            if (o.status() != Status.ACCEPTED) {
                String why = o.detail() == null ? "?" : o.detail().replaceAll(" \\(request [^)]*\\)", "");
                r.refusals.merge(o.kind() + " " + o.status() + ": " + (why.length() > 140 ? why.substring(0, 140) : why), 1, Integer::sum);
            }
        }
        try (MongoClient mongo = MongoClients.create(platform.mongoUri())) {
            r.outboxesDrained(mongo);
            r.projects(mongo.getDatabase("projects"), outcomes);
            r.specialFund(mongo.getDatabase("funding"), outcomes);
        }
        r.events(platform.kafkaClient());
        r.reporting(viewer);
        return r;
    }

    private void outboxesDrained(MongoClient mongo) {
        for (String db : List.of("projects", "funding", "registry")) {
            MongoDatabase database = mongo.getDatabase(db);
            for (String collection : database.listCollectionNames()) {
                long pending = database.getCollection(collection).countDocuments(Filters.eq("_pending", true));
                if (pending > 0) {
                    discrepancies.add(db + "." + collection + ": " + pending + " documents still hold unpublished events");
                }
            }
        }
    }

    private void projects(MongoDatabase db, List<Outcome> outcomes) {
        var projects = db.getCollection("projects");
        long loadProjects = projects.countDocuments(Filters.regex("state.proposal.title", "^负载演练项目-"));
        long expected = 0;
        for (Outcome o : outcomes) {
            if (o.kind() == Kind.DRAFT) {
                long found = projects.countDocuments(Filters.eq("state.proposal.title", o.key()));
                expected += found;
                expect(o, found);
            } else if (o.kind() == Kind.SUBMIT && o.status() == Status.ACCEPTED) {
                Document p = projects.find(Filters.eq("_id", o.key())).first();
                if (p == null || "DRAFT".equals(p.get("state", Document.class).getString("status"))) {
                    discrepancies.add("submission of " + o.key() + " was answered 2xx but the project is not submitted");
                }
            }
        }
        if (loadProjects != expected) {
            discrepancies.add("projects holds " + loadProjects + " load projects, the outcomes account for " + expected);
        }
    }

    private void specialFund(MongoDatabase db, List<Outcome> outcomes) {
        Document fund = db.getCollection("special_funds").find(Filters.eq("_id", "special-fund-2014")).first();
        Document state = fund.get("state", Document.class);
        List<Document> allocations = state.getList("allocations", Document.class, List.of());
        Map<String, Integer> byDocument = new HashMap<>();
        Map<String, Integer> byVoucher = new HashMap<>();
        long allocated = 0;
        for (Document a : allocations) {
            byDocument.merge(a.getString("approvalDocument"), 1, Integer::sum);
            long amount = ((Number) a.get("amount")).longValue();
            long disbursed = 0;
            for (Document d : a.getList("disbursements", Document.class, List.of())) {
                byVoucher.merge(String.valueOf(d.getString("voucherNo")), 1, Integer::sum);
                disbursed += ((Number) d.get("amount")).longValue();
            }
            if (disbursed > amount) {
                discrepancies.add("allocation " + a.getString("id") + " disbursed " + disbursed + " fen of " + amount);
            }
            if (a.get("revocation") == null) {
                allocated += amount;
            }
        }
        storeAllocatedFen2014 = allocated;
        storeDisbursedFen2014 = allocations.stream().filter(a -> a.get("revocation") == null)
                .flatMap(a -> a.getList("disbursements", Document.class, List.of()).stream())
                .mapToLong(d -> ((Number) d.get("amount")).longValue()).sum();
        long budget = ((Number) state.get("budget")).longValue();
        if (allocated > budget) {
            discrepancies.add("2014 allocations total " + allocated + " fen, over the budget of " + budget);
        }
        long acceptedSum = 0;
        for (Outcome o : outcomes) {
            if (o.kind() == Kind.ALLOCATE) {
                int found = byDocument.getOrDefault(o.key(), 0);
                expect(o, found);
                if (found == 1) {
                    acceptedSum += LoadGenerator.ALLOCATION_FEN;
                }
            } else if (o.kind() == Kind.DISBURSE) {
                expect(o, byVoucher.getOrDefault(o.key(), 0));
            }
        }
        long preexisting = allocations.stream().filter(a -> !String.valueOf(a.getString("approvalDocument")).contains("LOAD-"))
                .mapToLong(a -> ((Number) a.get("amount")).longValue()).sum();
        if (allocated != acceptedSum + preexisting) {
            discrepancies.add("2014 allocated " + allocated + " fen but accepted allocations sum to " + (acceptedSum + preexisting));
        }
    }

    private void expect(Outcome o, long found) {
        boolean ok = switch (o.status()) {
            case ACCEPTED -> found == 1;
            case REFUSED, NOT_SENT -> found == 0;
            case UNCERTAIN -> found <= 1;
        };
        if (!ok) {
            discrepancies.add(o.kind() + " " + o.key() + " was " + o.status() + " but is stored " + found + " times");
        }
    }

    private void events(Map<String, Object> client) {
        Map<String, Object> props = new java.util.HashMap<>(client);
        props.put("enable.auto.commit", false);
        try (Admin admin = Admin.create(client);
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            Set<String> topics = admin.listTopics().names().get();
            Set<String> seen = new HashSet<>();
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : new TreeSet<>(topics)) {
                if (topic.startsWith("__")) {
                    continue;
                }
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.topic().endsWith(".dlt")) {
                        deadLetters++;
                        discrepancies.add("dead letter on " + record.topic() + ": " + header(record, "kafka_dlt-exception-message"));
                        continue;
                    }
                    eventsByTopic.merge(record.topic(), 1L, Long::sum);
                    List<String> nonConforming = EventSchemas.problems(header(record, "ce_type"),
                            header(record, "ce_dataschema"), record.value());
                    if (!nonConforming.isEmpty()) {
                        discrepancies.add(record.topic() + "@" + record.offset() + " breaks its JSON Schema: " + nonConforming);
                    }
                    String id = header(record, "ce_id");
                    if (!seen.add(id)) {
                        duplicateDeliveries++;
                        continue;
                    }
                    String aggregate = record.topic() + "/" + header(record, "ce_subject");
                    long sequence = Long.parseLong(header(record, "ce_sequence"));
                    Set<Long> seenOfAggregate = sequences.computeIfAbsent(aggregate, k -> new HashSet<>());
                    long highest = seenOfAggregate.stream().mapToLong(Long::longValue).max().orElse(0);
                    if (sequence < highest) {
                        discrepancies.add(aggregate + ": event " + sequence + " first appears after event " + highest
                                + " (offset " + record.offset() + "): readers that skip older sequences would lose it");
                    }
                    seenOfAggregate.add(sequence);
                    typeCounts.merge(header(record, "ce_type"), 1, Integer::sum);
                }
            }
            distinctEvents = seen.size();
            for (var entry : sequences.entrySet()) {
                long max = entry.getValue().stream().mapToLong(Long::longValue).max().orElse(0);
                if (entry.getValue().size() != max) {
                    discrepancies.add(entry.getKey() + ": sequences " + new TreeSet<>(entry.getValue()) + " have a gap");
                }
            }
        } catch (Exception e) {
            discrepancies.add("could not read the topics: " + e);
        }
    }

    private long storeAllocatedFen2014 = -1;
    private long storeDisbursedFen2014 = -1;

    private void reporting(PlatformClient viewer) {
        reportingProjects(viewer);
        JsonNode readModel = viewer.get("/api/reports/read-model");
        if (readModel.path("lag").asLong() != 0) {
            discrepancies.add("reporting has not read everything published: lag " + readModel.path("lag").asLong());
        }
        if (readModel.path("deadLettered").asLong() != 0) {
            discrepancies.add("reporting dead-lettered " + readModel.path("deadLettered").asLong() + " events");
        }
        String fund = "special-fund-2014";
        long onTopic = sequences.getOrDefault("funding.events/" + fund, Set.of()).stream()
                .mapToLong(Long::longValue).max().orElse(0);
        long applied = viewer.get("/api/reports/read-model/aggregates/funding.events/" + fund).path("sequence").asLong();
        if (applied != onTopic) {
            discrepancies.add("reporting applied " + fund + " up to sequence " + applied + "; the topic holds " + onTopic);
        }
        for (JsonNode year : viewer.get("/api/reports/funding").path("specialFund")) {
            if (year.path("year").asInt() == 2014) {
                long allocated = Money.parseYuan(year.path("allocated").asString()).fen();
                long disbursed = Money.parseYuan(year.path("disbursed").asString()).fen();
                if (allocated != storeAllocatedFen2014 || disbursed != storeDisbursedFen2014) {
                    discrepancies.add("reporting shows 2014 allocated " + allocated + " / disbursed " + disbursed
                            + " fen; the funding store holds " + storeAllocatedFen2014 + " / " + storeDisbursedFen2014);
                }
            }
        }
    }

    private void reportingProjects(PlatformClient viewer) {
        long submittedEvents = typeCounts.getOrDefault("cn.chenzhou.plan.project.submitted.v1", 0);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long counted = -1;
        while (System.nanoTime() < deadline) {
            counted = 0;
            for (County county : County.values()) {
                counted += viewer.get("/api/reports/counties/" + county.code() + "/projects").get("submitted").asLong();
            }
            if (counted == submittedEvents) {
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        discrepancies.add("reporting counts " + counted + " submitted projects; the topic holds " + submittedEvents + " submissions");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    String report(List<String> faults) {
        StringBuilder out = new StringBuilder("\n==== reconciliation after faults ====\n");
        out.append("faults injected (").append(faults.size()).append("):\n");
        faults.forEach(f -> out.append("  - ").append(f).append('\n'));
        out.append("commands:\n");
        commands.forEach((kind, statuses) -> out.append("  ").append(kind).append(' ').append(statuses).append('\n'));
        out.append("events: ").append(eventsByTopic).append(", distinct ").append(distinctEvents)
                .append(", duplicate deliveries (same id, dropped by consumers) ").append(duplicateDeliveries)
                .append(", dead letters ").append(deadLetters).append('\n');
        out.append("not accepted, by reason:\n");
        refusals.forEach((why, n) -> out.append("  ").append(n).append(" × ").append(why).append('\n'));
        out.append("discrepancies: ").append(discrepancies.size()).append('\n');
        discrepancies.stream().limit(25).forEach(d -> out.append("  ! ").append(d).append('\n'));
        if (discrepancies.size() > 25) {
            out.append("  … and ").append(discrepancies.size() - 25).append(" more\n");
        }
        return out.toString();
    }
}
