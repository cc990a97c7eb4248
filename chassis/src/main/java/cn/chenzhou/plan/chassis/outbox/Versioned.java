package cn.chenzhou.plan.chassis.outbox;

/**
 * An aggregate's state as loaded, with the revision that an update must still find (optimistic locking)
 * and the number of events the aggregate has emitted so far (the next event's sequence is {@code sequence + 1}).
 */
public record Versioned<T>(String id, T state, long version, long sequence) {
}
