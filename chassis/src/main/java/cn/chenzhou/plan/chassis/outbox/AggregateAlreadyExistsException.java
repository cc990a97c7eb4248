package cn.chenzhou.plan.chassis.outbox;

/** An insert found an aggregate with the same id: nothing was stored, no event was queued. */
public class AggregateAlreadyExistsException extends RuntimeException {
    private final String aggregateId;

    public AggregateAlreadyExistsException(String collection, String aggregateId) {
        super(collection + " already holds " + aggregateId);
        this.aggregateId = aggregateId;
    }

    public String aggregateId() {
        return aggregateId;
    }
}
