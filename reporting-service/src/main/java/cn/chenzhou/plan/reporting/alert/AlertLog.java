package cn.chenzhou.plan.reporting.alert;

import cn.chenzhou.plan.chassis.outbox.AggregateAlreadyExistsException;
import cn.chenzhou.plan.chassis.outbox.AggregateCollection;
import cn.chenzhou.plan.chassis.outbox.Aggregates;
import cn.chenzhou.plan.chassis.outbox.ConcurrentUpdateException;
import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.contracts.reporting.ReportingEvents;
import cn.chenzhou.plan.contracts.reporting.TargetStatusChanged;
import cn.chenzhou.plan.reporting.alert.model.TargetWatch;
import cn.chenzhou.plan.reporting.scorecard.model.Reading;
import cn.chenzhou.plan.reporting.scorecard.model.Scorecard;
import cn.chenzhou.plan.reporting.scorecard.model.TargetResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The watches on every target and scope of the plan in force, kept as aggregates with their own outbox: a change of
 * status and its {@code target.status-changed.v1} event are stored in one single-document update, so an alert is
 * published if and only if the change was stored — once. The same facts evaluated again (after a restart or a rebuild)
 * find the status unchanged and publish nothing; an alert's id is the watch's id and the number of the change.
 */
@Component
public class AlertLog {
    static final String COLLECTION = "target_watches";
    private static final Logger log = LoggerFactory.getLogger(AlertLog.class);
    private static final String ACTOR = "reporting-service";

    private final AggregateCollection<TargetWatch> watches;
    private final Map<String, Versioned<TargetWatch>> known = new HashMap<>();
    private String loadedPlan;

    AlertLog(Aggregates aggregates) {
        this.watches = aggregates.collection(COLLECTION, TargetWatch.class);
        watches.index("planId");
    }

    /** An announced change with the target it concerns. */
    public record Alert(String planId, String targetId, String scope, TargetWatch.StatusChange change) {
    }

    /** Records the statuses of a scorecard; returns the changes announced (alerts and recoveries). */
    public synchronized List<Alert> record(Scorecard scorecard, Instant now) {
        String planId = scorecard.plan().id();
        if (!planId.equals(loadedPlan)) {
            known.clear();
            for (Versioned<TargetWatch> w : watches.find(Query.query(Criteria.where(AggregateCollection.field("planId")).is(planId)))) {
                known.put(w.id(), w);
            }
            loadedPlan = planId;
        }
        List<Alert> announced = new ArrayList<>();
        for (TargetResult t : scorecard.targets()) {
            watch(scorecard, t, County.CITY_CODE, t.city(), now, announced);
            if (t.target().perCounty()) {
                t.counties().forEach((county, reading) -> watch(scorecard, t, county, reading, now, announced));
            }
        }
        return announced;
    }

    private void watch(Scorecard s, TargetResult t, String scope, Reading reading, Instant now, List<Alert> announced) {
        String planId = s.plan().id();
        String id = TargetWatch.id(planId, t.target().id(), scope);
        Versioned<TargetWatch> loaded = known.get(id);
        TargetWatch current = loaded == null ? TargetWatch.first(planId, t.target().id(), scope) : loaded.state();
        TargetWatch next = current.evaluated(reading.status(), reading.value(), t.goal(), s.asOf(), now);
        if (next == null) {
            return;
        }
        TargetWatch.StatusChange change = next.lastChange();
        List<PendingEvent> events = change.announced() ? List.of(new PendingEvent(ReportingEvents.TARGET_STATUS_CHANGED, id,
                scope, new TargetStatusChanged(change.alertId(), planId, t.target().id(), scope,
                change.fromStatus() == null ? null : change.fromStatus().name(), change.toStatus().name(),
                change.value(), change.goal(), change.asOf().toString()))) : List.of();
        try {
            if (loaded == null) {
                watches.insert(id, next, events, ACTOR);
                known.put(id, new Versioned<>(id, next, 1, events.size()));
            } else {
                watches.update(loaded, next, events, ACTOR);
                known.put(id, new Versioned<>(id, next, loaded.version() + 1, loaded.sequence() + events.size()));
            }
            if (change.announced()) {
                announced.add(new Alert(planId, t.target().id(), scope, change));
            }
        } catch (AggregateAlreadyExistsException | ConcurrentUpdateException e) {
            // another instance recorded this change first: take its word, the next evaluation compares with it
            log.info("watch {} changed elsewhere; reloading it", id);
            watches.find(id).ifPresentOrElse(w -> known.put(id, w), () -> known.remove(id));
        }
    }

    /** The latest announced changes of a plan, newest first, optionally for some scopes only. */
    public List<Alert> recent(String planId, java.util.function.Predicate<String> scopeVisible, int limit) {
        List<Alert> all = new ArrayList<>();
        for (Versioned<TargetWatch> w : watches.find(Query.query(Criteria.where(AggregateCollection.field("planId")).is(planId)))) {
            TargetWatch watch = w.state();
            if (!scopeVisible.test(watch.scope())) {
                continue;
            }
            for (TargetWatch.StatusChange c : watch.recent()) {
                if (c.announced()) {
                    all.add(new Alert(planId, watch.targetId(), watch.scope(), c));
                }
            }
        }
        all.sort(Comparator.comparing((Alert a) -> a.change().at()).reversed().thenComparing(a -> a.change().alertId()));
        return all.size() > limit ? all.subList(0, limit) : all;
    }
}
