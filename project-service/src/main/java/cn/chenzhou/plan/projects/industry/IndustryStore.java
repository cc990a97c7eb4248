package cn.chenzhou.plan.projects.industry;

import cn.chenzhou.plan.chassis.web.PageParameters;
import static cn.chenzhou.plan.chassis.outbox.AggregateCollection.field;

import cn.chenzhou.plan.chassis.outbox.AggregateCollection;
import cn.chenzhou.plan.chassis.outbox.Aggregates;
import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.projects.industry.model.CharacteristicIndustry;
import cn.chenzhou.plan.projects.industry.model.IndustryStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Characteristic industries, each document with its outbox. */
@Component
class IndustryStore {
    private final AggregateCollection<CharacteristicIndustry> industries;

    IndustryStore(Aggregates aggregates) {
        this.industries = aggregates.collection("industries", CharacteristicIndustry.class);
        industries.index("county", "status");
    }

    /** @throws cn.chenzhou.plan.chassis.outbox.AggregateAlreadyExistsException if the county has one of that name */
    void insert(CharacteristicIndustry industry, List<PendingEvent> events, String actor) {
        industries.insert(industry.id(), industry, events, actor);
    }

    void update(Versioned<CharacteristicIndustry> loaded, CharacteristicIndustry industry, List<PendingEvent> events,
                String actor) {
        industries.update(loaded, industry, events, actor);
    }

    Optional<Versioned<CharacteristicIndustry>> find(String id) {
        return industries.find(id);
    }

    List<Versioned<CharacteristicIndustry>> page(String county, IndustryStatus status, PageParameters paging) {
        return industries.find(query(county, status)
                .with(Sort.by(Sort.Order.asc(field("county")), Sort.Order.asc(field("name"))))
                .skip(paging.offset()).limit(paging.size()));
    }

    long count(String county, IndustryStatus status) {
        return industries.count(query(county, status));
    }

    private static Query query(String county, IndustryStatus status) {
        List<Criteria> criteria = new ArrayList<>();
        if (county != null) {
            criteria.add(Criteria.where(field("county")).is(county));
        }
        if (status != null) {
            criteria.add(Criteria.where(field("status")).is(status.name()));
        }
        return criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
    }
}
