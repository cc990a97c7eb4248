package cn.chenzhou.plan.chassis.outbox;

/**
 * The aggregate changed since it was loaded (someone else's update won): nothing was stored, no event was queued.
 * The caller reloads and decides again, or reports a 409 to its client.
 */
public class ConcurrentUpdateException extends RuntimeException {
    private final String aggregateId;
    private final long expectedVersion;

    public ConcurrentUpdateException(String collection, String aggregateId, long expectedVersion) {
        super(collection + "/" + aggregateId + " is no longer at revision " + expectedVersion + "; it was changed concurrently");
        this.aggregateId = aggregateId;
        this.expectedVersion = expectedVersion;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
