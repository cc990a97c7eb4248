package cn.chenzhou.plan.registry.persistence;

import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import java.util.List;

/** An aggregate's state after a command, with the events that describe the change: stored together or not at all. */
public record Change<T>(T state, List<PendingEvent> events) {
    public Change {
        events = List.copyOf(events);
    }

    public static <T> Change<T> of(T state, PendingEvent... events) {
        return new Change<>(state, List.of(events));
    }
}
