package cn.chenzhou.plan.system;

/**
 * A running platform as the suite reaches it: the clients' entry points, and the owners' stores and the broker, which
 * the reconciliation reads directly — as independent witnesses of what the clients were told.
 */
interface Deployment {
    String gateway();

    String authorizationServer();

    /** A Kafka client's settings as the broker's administrator (the bus authenticates every client). */
    java.util.Map<String, Object> kafkaClient();

    String mongoUri();

    String secret(String clientId);
}
