package cn.chenzhou.plan.registry.platform;

import cn.chenzhou.plan.chassis.outbox.AggregateCollection;
import cn.chenzhou.plan.chassis.outbox.Aggregates;
import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.PageParameters;
import cn.chenzhou.plan.chassis.web.PageView;
import cn.chenzhou.plan.registry.persistence.Change;
import cn.chenzhou.plan.registry.persistence.ListFilter;
import cn.chenzhou.plan.registry.persistence.RegistryCollection;
import cn.chenzhou.plan.registry.platform.model.Platform;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Platforms in the registry's database, each document with its outbox; unique by host, type and level while in force. */
@Component
class PlatformStore {
    private static final Sort ORDER = Sort.by(AggregateCollection.field("county"), AggregateCollection.field("name"));
    private final RegistryCollection<Platform> platforms;

    PlatformStore(Aggregates aggregates, MongoTemplate mongo) {
        this.platforms = RegistryCollection.keyed(aggregates, mongo, "platforms", Platform.class, "platform");
        platforms.index("county", "status", "level");
    }

    Versioned<Platform> insert(Change<Platform> change, String actor) {
        return platforms.insert(change.state().id(), change.state().registrationKey(), change, actor);
    }

    Versioned<Platform> modify(String id, Function<Platform, Change<Platform>> decide, String actor) {
        return platforms.modify(id, loaded -> decide.apply(loaded.state()), Platform::registrationKey, actor,
                missing -> ApiException.notFound("platform", missing));
    }

    Optional<Versioned<Platform>> find(String id) {
        return platforms.find(id);
    }

    PageView<Versioned<Platform>> page(ListFilter filter, PageParameters paging) {
        return platforms.page(filter.criteria(), ORDER, paging);
    }
}
