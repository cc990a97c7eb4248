package cn.chenzhou.plan.contracts;

/**
 * One topic per owning service, keyed by aggregate id so that one aggregate's events stay in order.
 * Each consumer group has its own dead-letter topic, {@code <topic>.dlt}, so a poison event is kept with its reason.
 */
public final class Topics {
    public static final String PROJECTS = "projects.events";
    public static final String FUNDING = "funding.events";
    public static final String REGISTRY = "registry.events";
    public static final String ALERTS = "reporting.alerts";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + ".dlt";
    }
}
