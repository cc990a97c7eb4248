package cn.chenzhou.plan.chassis.idempotency;

/**
 * A command carrying an idempotency key reached an aggregate that already records that key: it was applied before
 * (its first attempt's answer was lost, e.g. the service stopped before replying). Nothing is changed again.
 */
public class CommandAlreadyAppliedException extends RuntimeException {
    private final String aggregateId;

    public CommandAlreadyAppliedException(String collection, String aggregateId) {
        super("this command (same Idempotency-Key) was already applied to " + collection + "/" + aggregateId);
        this.aggregateId = aggregateId;
    }

    public String aggregateId() {
        return aggregateId;
    }
}
