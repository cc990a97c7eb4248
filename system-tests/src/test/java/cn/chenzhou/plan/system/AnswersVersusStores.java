package cn.chenzhou.plan.system;

import cn.chenzhou.plan.system.LoadGenerator.Kind;
import cn.chenzhou.plan.system.LoadGenerator.Outcome;
import cn.chenzhou.plan.system.LoadGenerator.Status;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
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

    /** How many times the effect of a command with this key is in its owner's store. */
    long stored(Kind kind, String key) {
        return switch (kind) {
            case DRAFT -> count("projects", "projects", Filters.eq("state.proposal.title", key));
            case SUBMIT -> count("projects", "projects",
                    Filters.and(Filters.eq("_id", key), Filters.ne("state.status", "DRAFT")));
            case ACHIEVEMENT -> count("projects", "achievements", Filters.eq("state.title", key));
            case SECURE -> count("funding", "secured_funds", Filters.eq("state.documentNo", key));
            case STATISTICS -> count("funding", "county_statistics",
                    Filters.and(Filters.eq("state.county", key.split("/")[0]),
                            Filters.eq("state.year", Integer.parseInt(key.split("/")[1]))));
            case REGISTER -> count("registry", "platforms", Filters.eq("state.name", key));
            case ACCREDIT -> accreditations(key.split("\\|")[0], key.split("\\|")[1]);
            case ALLOCATE -> specialFund2014().stream().filter(a -> key.equals(a.getString("approvalDocument"))).count();
            case DISBURSE -> specialFund2014().stream()
                    .flatMap(a -> a.getList("disbursements", Document.class, List.of()).stream())
                    .filter(d -> key.equals(d.getString("voucherNo"))).count();
        };
    }

    private long count(String database, String collection, org.bson.conversions.Bson filter) {
        return collection(database, collection).countDocuments(filter);
    }

    private long accreditations(String platformId, String documentNo) {
        Document platform = collection("registry", "platforms").find(Filters.eq("_id", platformId)).first();
        if (platform == null) {
            return 0;
        }
        return platform.get("state", Document.class).getList("accreditations", Document.class, List.of()).stream()
                .filter(a -> documentNo.equals(a.getString("documentNo"))).count();
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
