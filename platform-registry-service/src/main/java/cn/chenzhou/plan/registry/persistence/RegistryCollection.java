package cn.chenzhou.plan.registry.persistence;

import cn.chenzhou.plan.chassis.outbox.AggregateAlreadyExistsException;
import cn.chenzhou.plan.chassis.outbox.AggregateCollection;
import cn.chenzhou.plan.chassis.outbox.Aggregates;
import cn.chenzhou.plan.chassis.outbox.OptimisticRetry;
import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.chassis.web.PageParameters;
import cn.chenzhou.plan.chassis.web.PageView;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * An {@link AggregateCollection} of registrations that must be unique under a natural key — a platform under its
 * host, type and level — or under a deterministic id. The key is a state field ({@value #KEY_FIELD}) with a unique
 * index, so the database itself refuses the second of two racing registrations in the same single-document write
 * that would have stored it (no multi-document transaction needed); the loser learns the id of the winner.
 *
 * <p>Generic, and a candidate for the chassis: {@code AggregateCollection} reports any duplicate key as its own id
 * already existing, and lets a unique-index violation on update escape as a raw driver exception.
 */
public final class RegistryCollection<T> {
    /** The state field holding the natural key. */
    public static final String KEY_FIELD = "registrationKey";


    private final AggregateCollection<T> aggregates;
    private final String resource;
    private final MongoTemplate mongo;
    private final boolean keyed;

    private RegistryCollection(Aggregates aggregates, MongoTemplate mongo, String collection, Class<T> type,
                               String resource, boolean keyed) {
        this.aggregates = aggregates.collection(collection, type);
        this.resource = resource;
        this.mongo = mongo;
        this.keyed = keyed;
        if (keyed) {
            mongo.getCollection(collection).createIndex(Indexes.ascending(AggregateCollection.field(KEY_FIELD)),
                    new IndexOptions().unique(true).name("unique_registration_key"));
        }
    }

    /** Registrations unique under the {@value #KEY_FIELD} of their state. */
    public static <T> RegistryCollection<T> keyed(Aggregates aggregates, MongoTemplate mongo, String collection,
                                                  Class<T> type, String resource) {
        return new RegistryCollection<>(aggregates, mongo, collection, type, resource, true);
    }

    /** Registrations whose id is derived from what makes them unique (a credit code, a county and year). */
    public static <T> RegistryCollection<T> byDerivedId(Aggregates aggregates, MongoTemplate mongo, String collection,
                                                        Class<T> type, String resource) {
        return new RegistryCollection<>(aggregates, mongo, collection, type, resource, false);
    }

    public void index(String... stateFields) {
        aggregates.index(stateFields);
    }

    /**
     * Stores a new registration and its events.
     *
     * @param key its natural key (the value of its {@value #KEY_FIELD}), or null for a derived-id collection
     * @throws DuplicateRegistrationException if one is already in force under that key or id
     */
    public Versioned<T> insert(String id, String key, Change<T> change, String actor) {
        try {
            aggregates.insert(id, change.state(), change.events(), actor);
            // a new aggregate: version 1, its sequence the number of events it started with
            return new Versioned<>(id, change.state(), 1, change.events().size());
        } catch (AggregateAlreadyExistsException e) {
            if (aggregates.find(id).isPresent()) {
                throw duplicate(id, "already registered as " + id);
            }
            throw duplicateOfKey(key);
        }
    }

    /**
     * Loads the registration, decides the change on what it is now, and stores it if nobody changed it meanwhile;
     * on a concurrent change, decides again on the new state (the chassis's optimistic retry, with back-off), so that the command is judged on the
     * registration as it really is. The decision may refuse by throwing.
     *
     * @param keyOf the natural key of the changed state, when the change may move it (an accreditation at another level)
     * @return the stored state and its revision
     */
    public Versioned<T> modify(String id, Function<Versioned<T>, Change<T>> decide, Function<T, String> keyOf,
                               String actor, Function<String, RuntimeException> notFound) {
        return OptimisticRetry.run(() -> {
            Versioned<T> loaded = aggregates.find(id).orElseThrow(() -> notFound.apply(id));
            Change<T> change = decide.apply(loaded);
            try {
                aggregates.update(loaded, change.state(), change.events(), actor);
                return new Versioned<>(id, change.state(), loaded.version() + 1, loaded.sequence() + change.events().size());
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || keyOf == null) {
                    throw e;
                }
                throw duplicateOfKey(keyOf.apply(change.state()));
            }
        });
    }

    public Optional<Versioned<T>> find(String id) {
        return aggregates.find(id);
    }

    /** The registration in force under this natural key. */
    private Optional<Versioned<T>> findByKey(String key) {
        return aggregates.find(Query.query(Criteria.where(AggregateCollection.field(KEY_FIELD)).is(key))).stream().findFirst();
    }

    /** One page of the registrations matching {@code criteria}, in {@code sort} order (then by id, for a stable order). */
    public PageView<Versioned<T>> page(Criteria criteria, Sort sort, PageParameters paging) {
        Query query = Query.query(criteria).with(sort.and(Sort.by("_id")))
                .skip(paging.offset()).limit(paging.size());
        return paging.of(aggregates.find(query), aggregates.count(Query.query(criteria)));
    }

    private DuplicateRegistrationException duplicateOfKey(String key) {
        if (key == null) {
            return duplicate(null, "collides with a registration that is already there");
        }
        String existing = findByKey(key).map(Versioned::id).orElse(null);
        return duplicate(existing, existing == null
                ? "collided with a registration that was changed at the same moment; try again"
                : "is already registered as " + existing);
    }

    private DuplicateRegistrationException duplicate(String existingId, String what) {
        return new DuplicateRegistrationException(resource, existingId, "this " + resource + " " + what);
    }
}
