package cn.chenzhou.plan.reporting.plan;

import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.FieldProblem;
import cn.chenzhou.plan.reporting.plan.model.PlanDefinition;
import cn.chenzhou.plan.reporting.plan.model.PlanValidation;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plans reporting knows and which one is in force. The 2012–2014 Chenzhou plan is loaded from
 * {@code plans/chenzhou-2012-2014.json} on first start; the plan office loads others through the API, and the one
 * made active takes effect at once (other instances notice within seconds).
 */
@Component
public class PlanBook {
    static final String DEFAULT_PLAN = "plans/chenzhou-2012-2014.json";
    private static final Logger log = LoggerFactory.getLogger(PlanBook.class);
    private static final Duration RECHECK = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile PlanDefinition active;
    private volatile Instant checkedAt = Instant.EPOCH;

    PlanBook(MongoTemplate mongo, JsonMapper json, Clock clock) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
        if (settings().find(Filters.eq("_id", "active")).first() == null) {
            PlanDefinition plan = parse(DEFAULT_PLAN);
            store(plan, "reporting-service");
            activate(plan.id());
            log.info("loaded the default plan {}", plan.id());
        }
        active = reloadActive();
    }

    /** A stored plan with who loaded it when. */
    public record StoredPlan(PlanDefinition plan, String loadedBy, Instant loadedAt, boolean active) {
    }

    /** The plan in force. */
    public PlanDefinition active() {
        if (Duration.between(checkedAt, clock.instant()).compareTo(RECHECK) > 0) {
            PlanDefinition current = reloadActive();
            if (!current.equals(active)) {
                active = current;
                listeners.forEach(Runnable::run);
            }
        }
        return active;
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public List<StoredPlan> all() {
        String activeId = active().id();
        List<StoredPlan> plans = new ArrayList<>();
        for (Document d : plans().find().sort(Sorts.ascending("_id"))) {
            plans.add(stored(d, activeId));
        }
        return plans;
    }

    public Optional<StoredPlan> find(String id) {
        return Optional.ofNullable(plans().find(Filters.eq("_id", id)).first()).map(d -> stored(d, active().id()));
    }

    /**
     * Validates and stores a plan (replacing one with the same id); makes it the plan in force if asked.
     *
     * @return true if it was new
     * @throws ApiException 400 naming every field that is wrong
     */
    public boolean load(PlanDefinition plan, String by, boolean makeActive) {
        List<PlanValidation.Issue> issues = PlanValidation.issues(plan);
        if (!issues.isEmpty()) {
            List<FieldProblem> errors = issues.stream().map(i -> new FieldProblem(i.field(), i.reason())).toList();
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-plan", errors.get(0).field() + ": " + errors.get(0).reason()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "")).with("errors", errors);
        }
        boolean created = plans().countDocuments(Filters.eq("_id", plan.id())) == 0;
        store(plan, by);
        if (makeActive) {
            activate(plan.id());
        }
        refresh();
        return created;
    }

    /** Puts a stored plan in force. */
    public void makeActive(String id) {
        if (plans().countDocuments(Filters.eq("_id", id)) == 0) {
            throw ApiException.notFound("plan", id);
        }
        activate(id);
        refresh();
    }

    private void refresh() {
        PlanDefinition current = reloadActive();
        boolean changed = !current.equals(active);
        active = current;
        if (changed) {
            listeners.forEach(Runnable::run);
        }
    }

    private PlanDefinition reloadActive() {
        checkedAt = clock.instant();
        Document setting = settings().find(Filters.eq("_id", "active")).first();
        Document plan = setting == null ? null : plans().find(Filters.eq("_id", setting.getString("planId"))).first();
        if (plan == null) {
            throw new IllegalStateException("no plan is in force");
        }
        return json.readValue(plan.getString("definition"), PlanDefinition.class);
    }

    private void store(PlanDefinition plan, String by) {
        plans().replaceOne(Filters.eq("_id", plan.id()), new Document("_id", plan.id())
                .append("definition", json.writeValueAsString(plan))
                .append("loadedBy", by)
                .append("loadedAt", Date.from(clock.instant())), new ReplaceOptions().upsert(true));
    }

    private void activate(String id) {
        settings().replaceOne(Filters.eq("_id", "active"), new Document("_id", "active").append("planId", id),
                new ReplaceOptions().upsert(true));
    }

    private StoredPlan stored(Document d, String activeId) {
        return new StoredPlan(json.readValue(d.getString("definition"), PlanDefinition.class), d.getString("loadedBy"),
                d.getDate("loadedAt").toInstant(), d.getString("_id").equals(activeId));
    }

    private PlanDefinition parse(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            PlanDefinition plan = json.readValue(in, PlanDefinition.class);
            List<PlanValidation.Issue> issues = PlanValidation.issues(plan);
            if (!issues.isEmpty()) {
                throw new IllegalStateException("the default plan is invalid: " + issues);
            }
            return plan;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MongoCollection<Document> plans() {
        return mongo.getCollection("plans");
    }

    private MongoCollection<Document> settings() {
        return mongo.getCollection("plan_settings");
    }
}
