package cn.chenzhou.plan.reporting.facts.model;

import java.util.List;

/**
 * What one aggregate's events have told reporting so far: the sequence of the last event applied and the fact
 * records those events wrote. The unit of persistence: restoring every stored aggregate restores the fact book.
 *
 * @param key      topic and aggregate id, e.g. {@code registry.events/plat-1}
 * @param sequence the aggregate's last applied event sequence
 * @param facts    the records this aggregate wrote
 */
public record StoredAggregate(String key, long sequence, List<Object> facts) {
    public StoredAggregate {
        facts = List.copyOf(facts);
    }
}
