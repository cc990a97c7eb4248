package cn.chenzhou.plan.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One topic per owning service, keyed by aggregate id so that one aggregate's events stay in order.
 * Each consumer group has its own dead-letter topic, {@code <topic>.dlt}, so a poison event is kept with its reason.
 *
 * <p>A topic has exactly one owner: the only service allowed to write it, and the {@code source} of every event on it
 * ({@code /<service>}, see {@link #sourceOf}). A consumer refuses an event whose source is not its topic's owner.
 */
public final class Topics {
    public static final String PROJECTS = "projects.events";
    public static final String FUNDING = "funding.events";
    public static final String REGISTRY = "registry.events";
    public static final String ALERTS = "reporting.alerts";

    /** The owning service (its application name) of each topic. */
    public static final Map<String, String> OWNERS = Map.of(
            PROJECTS, "project-service",
            FUNDING, "funding-service",
            REGISTRY, "platform-registry-service",
            ALERTS, "reporting-service");

    /** The topics reporting-service builds its read model from; it is their only reader. */
    public static final List<String> EVENT_TOPICS = List.of(PROJECTS, FUNDING, REGISTRY);

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + ".dlt";
    }

    /** The CloudEvents {@code source} of every event a service publishes: {@code /<service>}. */
    public static String sourceOf(String service) {
        return "/" + service;
    }

    /**
     * The owner of a topic: of one of the names above, or of a name that ends with one of them after a dot
     * ({@code <namespace>.projects.events}: several platforms, or test classes, sharing one broker).
     */
    public static Optional<String> ownerOf(String topic) {
        return Optional.ofNullable(baseName(topic)).map(OWNERS::get);
    }

    /** The platform topic a (possibly namespaced) topic name stands for, or null if it stands for none. */
    public static String baseName(String topic) {
        for (String name : OWNERS.keySet()) {
            if (topic.equals(name) || topic.endsWith("." + name)) {
                return name;
            }
        }
        return null;
    }
}
