package cn.chenzhou.plan.registry.persistence;

import cn.chenzhou.plan.chassis.outbox.AggregateCollection;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The filters of a list, on state fields, each applied only if the client gave it. Values are always compared as
 * values — a filter never becomes an operator, whatever the client sent.
 */
public final class ListFilter {
    private final List<Criteria> parts = new ArrayList<>();

    public ListFilter is(String stateField, Object value) {
        if (value != null) {
            parts.add(Criteria.where(AggregateCollection.field(stateField)).is(value instanceof Enum<?> e ? e.name() : value));
        }
        return this;
    }

    /** Dates are stored as ISO-8601 text, so a year is the range of its first and last day. */
    public ListFilter inYear(String stateField, Integer year) {
        if (year != null) {
            parts.add(Criteria.where(AggregateCollection.field(stateField))
                    .gte(String.format("%04d-01-01", year)).lte(String.format("%04d-12-31", year)));
        }
        return this;
    }

    public ListFilter where(Criteria criteria) {
        parts.add(criteria);
        return this;
    }

    public Criteria criteria() {
        return parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts);
    }
}
