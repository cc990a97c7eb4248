package cn.chenzhou.plan.system;

import cn.chenzhou.plan.system.LoadGenerator.Kind;
import cn.chenzhou.plan.system.LoadGenerator.Outcome;
import cn.chenzhou.plan.system.LoadGenerator.Status;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * What each client was told, against the owning service's store, command by command: accepted means stored exactly
 * once, refused (or never sent) means not stored at all, and an uncertain answer (a timeout, a 5xx after the SDK's
 * retries) is resolved by looking the command's effect up: stored once, or not at all — never twice.
 */
final class AnswersVersusStores {
    private final MongoClient mongo;

    AnswersVersusStores(MongoClient mongo) {
        this.mongo = mongo;
    }

    /** The three checks: answered commands, uncertain ones resolved, and refusals that say what went wrong. */
    List<Check> check(List<Outcome> outcomes) {
        Check clean = new Check("every command that failed was answered with a problem+json",
                "the body of each non-2xx answer the platform gave (not the SDK's own: unreachable, circuit open)");
        Check answered = new Check("every answered command is stored as answered",
                "the clients' answers (accepted / refused) ↔ the owning services' stores");
        Check uncertain = new Check("every uncertain command is stored once or not at all",
                "the clients' uncertain answers ↔ a look-up in the owning services' stores");
        Map<String, Integer> resolved = new TreeMap<>();
        for (Outcome o : outcomes) {
            long found = stored(o.kind(), o.key());
            boolean ok = switch (o.status()) {
                case ACCEPTED -> found == 1;
                case REFUSED, NOT_SENT -> found == 0;
                case UNCERTAIN -> found <= 1;
            };
            Check check = o.status() == Status.UNCERTAIN ? uncertain : answered;
            check.compared(1);
            if (!ok) {
                check.disagree(o.kind() + " " + o.key() + " by " + o.principal() + " was " + o.status()
                        + " but is stored " + found + " times");
            }
            if (o.status() == Status.UNCERTAIN) {
                resolved.merge(found == 1 ? "applied" : "not applied", 1, Integer::sum);
            }
            if (o.problem() != null && !LoadGenerator.LOCAL_PROBLEMS.contains(o.problem())) {
                clean.compared(1);
                if (o.problem().equals("blank")) {
                    clean.disagree(o.kind() + " " + o.key() + " by " + o.principal() + ": " + o.detail());
                }
            }
        }
        uncertainResolution = resolved;
        return List.of(answered, uncertain, clean);
    }

    /** How the uncertain commands turned out, for the report. */
    Map<String, Integer> uncertainResolution = Map.of();

    /**
     * How many times the effect of a command with this key is in its owner's store. Each collection is read once and
     * its keys counted here: a query per command scans the collection each time, which over a soak's tens of
     * thousands of commands took longer than the soak itself.
     */
    long stored(Kind kind, String key) {
        return keys.computeIfAbsent(kind, this::effects).getOrDefault(key, 0L);
    }

    private final Map<Kind, Map<String, Long>> keys = new EnumMap<>(Kind.class);

    /** Every key a command of this kind leaves in its owner's store, with how many times it is there. */
    private Map<String, Long> effects(Kind kind) {
        Map<String, Long> counts = new HashMap<>();
        switch (kind) {
            case DRAFT -> states("projects", "projects").values().forEach(state -> {
                Document proposal = state.get("proposal", Document.class);
                count(counts, proposal == null ? null : proposal.getString("title"));
            });
            case SUBMIT -> states("projects", "projects").forEach((id, state) -> {
                if (!"DRAFT".equals(state.getString("status"))) {
                    count(counts, id);
                }
            });
            case ACHIEVEMENT -> states("projects", "achievements").values().forEach(state -> count(counts, state.getString("title")));
            case SECURE -> states("funding", "secured_funds").values().forEach(state -> count(counts, state.getString("documentNo")));
            case STATISTICS -> states("funding", "county_statistics").values().forEach(state ->
                    count(counts, state.getString("county") + "/" + state.get("year")));
            case REGISTER -> states("registry", "platforms").values().forEach(state -> count(counts, state.getString("name")));
            case ACCREDIT -> states("registry", "platforms").forEach((id, state) ->
                    state.getList("accreditations", Document.class, List.of())
                            .forEach(a -> count(counts, id + "|" + a.getString("documentNo"))));
            case ALLOCATE -> specialFund2014().forEach(a -> count(counts, a.getString("approvalDocument")));
            case DISBURSE -> specialFund2014().forEach(a -> a.getList("disbursements", Document.class, List.of())
                    .forEach(d -> count(counts, d.getString("voucherNo"))));
        }
        return counts;
    }

    private static void count(Map<String, Long> counts, String key) {
        if (key != null) {
            counts.merge(key, 1L, Long::sum);
        }
    }

    private final Map<String, Map<String, Document>> statesRead = new HashMap<>();

    /** Each stored aggregate's state by its id, the collection read once for every kind that needs it. */
    private Map<String, Document> states(String database, String collection) {
        return statesRead.computeIfAbsent(database + "." + collection, k -> read(database, collection));
    }

    private Map<String, Document> read(String database, String collection) {
        Map<String, Document> states = new HashMap<>();
        for (Document d : collection(database, collection).find()) {
            Document state = d.get("state", Document.class);
            if (state != null) {
                states.put(String.valueOf(d.get("_id")), state);
            }
        }
        return states;
    }

    List<Document> specialFund2014() {
        Document fund = collection("funding", "special_funds").find(Filters.eq("_id", "special-fund-2014")).first();
        return fund == null ? List.of()
                : fund.get("state", Document.class).getList("allocations", Document.class, List.of());
    }

    private MongoCollection<Document> collection(String database, String collection) {
        return mongo.getDatabase(database).getCollection(collection);
    }
}
