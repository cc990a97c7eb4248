package cn.chenzhou.plan.chassis.outbox;

import cn.chenzhou.plan.contracts.EventType;
import java.util.Objects;

/**
 * An event a state change produced, to be stored with that change and published after it.
 *
 * @param type        the versioned event type
 * @param aggregateId id of the aggregate that changed (the event's subject and Kafka key)
 * @param county      county code, or the city code for a city-wide fact
 * @param data        the event data (a record from the contracts module), serialised as JSON
 */
public record PendingEvent(EventType type, String aggregateId, String county, Object data) {
    public PendingEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(data, "data");
        if (!type.data().isInstance(data)) {
            throw new IllegalArgumentException(type.type() + " carries " + type.data().getSimpleName()
                    + ", not " + data.getClass().getSimpleName());
        }
    }
}
