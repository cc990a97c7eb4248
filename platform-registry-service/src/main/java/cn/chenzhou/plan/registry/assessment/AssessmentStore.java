package cn.chenzhou.plan.registry.assessment;

import cn.chenzhou.plan.chassis.outbox.AggregateCollection;
import cn.chenzhou.plan.chassis.outbox.Aggregates;
import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.PageParameters;
import cn.chenzhou.plan.chassis.web.PageView;
import cn.chenzhou.plan.registry.assessment.model.Assessment;
import cn.chenzhou.plan.registry.persistence.Change;
import cn.chenzhou.plan.registry.persistence.ListFilter;
import cn.chenzhou.plan.registry.persistence.RegistryCollection;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Assessment results in the registry's database; the id is the county and year, so there is one of each. */
@Component
class AssessmentStore {
    private static final Sort ORDER = Sort.by(Sort.Direction.DESC, AggregateCollection.field("year"))
            .and(Sort.by(AggregateCollection.field("county")));
    private final RegistryCollection<Assessment> assessments;

    AssessmentStore(Aggregates aggregates, MongoTemplate mongo) {
        this.assessments = RegistryCollection.byDerivedId(aggregates, mongo, "assessments", Assessment.class, "assessment");
        assessments.index("county", "year");
    }

    Versioned<Assessment> insert(Change<Assessment> change, String actor) {
        return assessments.insert(change.state().id(), null, change, actor);
    }

    Versioned<Assessment> modify(String id, Function<Assessment, Change<Assessment>> decide, String actor) {
        return assessments.modify(id, loaded -> decide.apply(loaded.state()), null, actor,
                missing -> ApiException.notFound("assessment", missing));
    }

    Optional<Versioned<Assessment>> find(String id) {
        return assessments.find(id);
    }

    PageView<Versioned<Assessment>> page(ListFilter filter, PageParameters paging) {
        return assessments.page(filter.criteria(), ORDER, paging);
    }
}
