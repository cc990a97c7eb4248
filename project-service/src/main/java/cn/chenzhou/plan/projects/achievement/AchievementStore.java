package cn.chenzhou.plan.projects.achievement;

import cn.chenzhou.plan.chassis.web.PageParameters;
import static cn.chenzhou.plan.chassis.outbox.AggregateCollection.field;

import cn.chenzhou.plan.chassis.outbox.AggregateCollection;
import cn.chenzhou.plan.chassis.outbox.Aggregates;
import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.projects.achievement.model.AchievementStatus;
import cn.chenzhou.plan.projects.achievement.model.AchievementTransformation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Achievement transformation records, each document with its outbox. */
@Component
class AchievementStore {
    private final AggregateCollection<AchievementTransformation> achievements;

    AchievementStore(Aggregates aggregates) {
        this.achievements = aggregates.collection("achievements", AchievementTransformation.class);
        achievements.index("county", "status");
    }

    /** Which records a list shows; null means "any". */
    record Filter(String county, String projectId, AchievementStatus status, Integer year) {
    }

    void insert(AchievementTransformation a, List<PendingEvent> events, String actor) {
        achievements.insert(a.id(), a, events, actor);
    }

    void update(Versioned<AchievementTransformation> loaded, AchievementTransformation a, List<PendingEvent> events,
                String actor) {
        achievements.update(loaded, a, events, actor);
    }

    Optional<Versioned<AchievementTransformation>> find(String id) {
        return achievements.find(id);
    }

    List<Versioned<AchievementTransformation>> page(Filter filter, PageParameters paging) {
        return achievements.find(query(filter)
                .with(Sort.by(Sort.Order.desc(field("transformedOn")), Sort.Order.asc("_id")))
                .skip(paging.offset()).limit(paging.size()));
    }

    long count(Filter filter) {
        return achievements.count(query(filter));
    }

    private static Query query(Filter f) {
        List<Criteria> criteria = new ArrayList<>();
        if (f.county() != null) {
            criteria.add(Criteria.where(field("county")).is(f.county()));
        }
        if (f.projectId() != null) {
            criteria.add(Criteria.where(field("projectId")).is(f.projectId()));
        }
        if (f.status() != null) {
            criteria.add(Criteria.where(field("status")).is(f.status().name()));
        }
        if (f.year() != null) {
            // dates are stored as ISO strings, so a year is a string range
            criteria.add(Criteria.where(field("transformedOn")).gte(f.year() + "-01-01").lte(f.year() + "-12-31"));
        }
        return criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
    }
}
