package cn.chenzhou.plan.chassis.events;

/**
 * A record that can never be processed (not a CloudEvent, missing attributes, unreadable data).
 * It goes straight to the dead-letter topic with this message as the reason; the consumer carries on.
 */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String reason) {
        super(reason);
    }

    public PoisonEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
