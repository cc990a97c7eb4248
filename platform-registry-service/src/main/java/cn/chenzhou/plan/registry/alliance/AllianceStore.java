package cn.chenzhou.plan.registry.alliance;

import cn.chenzhou.plan.chassis.outbox.AggregateCollection;
import cn.chenzhou.plan.chassis.outbox.Aggregates;
import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.PageParameters;
import cn.chenzhou.plan.chassis.web.PageView;
import cn.chenzhou.plan.registry.alliance.model.Alliance;
import cn.chenzhou.plan.registry.persistence.Change;
import cn.chenzhou.plan.registry.persistence.ListFilter;
import cn.chenzhou.plan.registry.persistence.RegistryCollection;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Alliances in the registry's database, unique by name. Public for the demo dataset. */
@Component
public class AllianceStore {
    private static final Sort ORDER = Sort.by(AggregateCollection.field("county"), AggregateCollection.field("name"));
    private final RegistryCollection<Alliance> alliances;

    AllianceStore(Aggregates aggregates, MongoTemplate mongo) {
        this.alliances = RegistryCollection.keyed(aggregates, mongo, "alliances", Alliance.class, "alliance");
        alliances.index("county");
    }

    /**
     * Stores a newly formed alliance with its {@code alliance.formed} event.
     *
     * @throws cn.chenzhou.plan.registry.persistence.DuplicateRegistrationException if an alliance of that name exists
     */
    public Versioned<Alliance> insert(Alliance alliance, String actor) {
        return alliances.insert(alliance.id(), alliance.registrationKey(),
                Change.of(alliance, AllianceEventMapping.formed(alliance)), actor);
    }

    Versioned<Alliance> modify(String id, Function<Alliance, Change<Alliance>> decide, String actor) {
        return alliances.modify(id, loaded -> decide.apply(loaded.state()), null, actor,
                missing -> ApiException.notFound("alliance", missing));
    }

    Optional<Versioned<Alliance>> find(String id) {
        return alliances.find(id);
    }

    PageView<Versioned<Alliance>> page(ListFilter filter, PageParameters paging) {
        return alliances.page(filter.criteria(), ORDER, paging);
    }
}
