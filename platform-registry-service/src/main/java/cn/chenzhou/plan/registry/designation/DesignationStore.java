package cn.chenzhou.plan.registry.designation;

import cn.chenzhou.plan.chassis.outbox.AggregateCollection;
import cn.chenzhou.plan.chassis.outbox.Aggregates;
import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.PageParameters;
import cn.chenzhou.plan.chassis.web.PageView;
import cn.chenzhou.plan.registry.designation.model.Designation;
import cn.chenzhou.plan.registry.persistence.Change;
import cn.chenzhou.plan.registry.persistence.ListFilter;
import cn.chenzhou.plan.registry.persistence.RegistryCollection;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Designations in the registry's database, unique by holder, kind and level while in force. Public for the demo
 * dataset, which records designations the way the plan office would.
 */
@Component
public class DesignationStore {
    private static final Sort ORDER = Sort.by(AggregateCollection.field("county"), AggregateCollection.field("kind"),
            AggregateCollection.field("holder.name"));
    private final RegistryCollection<Designation> designations;

    DesignationStore(Aggregates aggregates, MongoTemplate mongo) {
        this.designations = RegistryCollection.keyed(aggregates, mongo, "designations", Designation.class, "designation");
        designations.index("county", "kind", "status");
    }

    /**
     * Stores a new designation with the events of its creation: applied, and granted too if it was granted at once.
     *
     * @throws cn.chenzhou.plan.registry.persistence.DuplicateRegistrationException if one is in force for the same holder, kind and level
     */
    public Versioned<Designation> insert(Designation designation, String actor) {
        return designations.insert(designation.id(), designation.registrationKey(),
                new Change<>(designation, DesignationEventMapping.created(designation)), actor);
    }

    Versioned<Designation> modify(String id, Function<Designation, Change<Designation>> decide, String actor) {
        return designations.modify(id, loaded -> decide.apply(loaded.state()), Designation::registrationKey, actor,
                missing -> ApiException.notFound("designation", missing));
    }

    Optional<Versioned<Designation>> find(String id) {
        return designations.find(id);
    }

    PageView<Versioned<Designation>> page(ListFilter filter, PageParameters paging) {
        return designations.page(filter.criteria(), ORDER, paging);
    }
}
