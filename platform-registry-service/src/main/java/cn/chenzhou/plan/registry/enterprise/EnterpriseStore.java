package cn.chenzhou.plan.registry.enterprise;

import cn.chenzhou.plan.chassis.outbox.AggregateCollection;
import cn.chenzhou.plan.chassis.outbox.Aggregates;
import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.PageParameters;
import cn.chenzhou.plan.chassis.web.PageView;
import cn.chenzhou.plan.registry.enterprise.model.Enterprise;
import cn.chenzhou.plan.registry.persistence.Change;
import cn.chenzhou.plan.registry.persistence.ListFilter;
import cn.chenzhou.plan.registry.persistence.RegistryCollection;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Enterprises in the registry's database; the id derives from the credit code, so each is registered once. */
@Component
class EnterpriseStore {
    private static final Sort ORDER = Sort.by(AggregateCollection.field("county"), AggregateCollection.field("name"));
    private final RegistryCollection<Enterprise> enterprises;

    EnterpriseStore(Aggregates aggregates, MongoTemplate mongo) {
        this.enterprises = RegistryCollection.byDerivedId(aggregates, mongo, "enterprises", Enterprise.class, "enterprise");
        enterprises.index("county", "larger");
    }

    Versioned<Enterprise> insert(Change<Enterprise> change, String actor) {
        return enterprises.insert(change.state().id(), null, change, actor);
    }

    Versioned<Enterprise> modify(String id, Function<Enterprise, Change<Enterprise>> decide, String actor) {
        return enterprises.modify(id, loaded -> decide.apply(loaded.state()), null, actor,
                missing -> ApiException.notFound("enterprise", missing));
    }

    Optional<Versioned<Enterprise>> find(String id) {
        return enterprises.find(id);
    }

    PageView<Versioned<Enterprise>> page(ListFilter filter, PageParameters paging) {
        return enterprises.page(filter.criteria(), ORDER, paging);
    }
}
