package cn.chenzhou.plan.stack;

import java.util.Map;

/**
 * How the administrator creates the platform's topics: {@code KAFKA_PARTITIONS} partitions each (default 3),
 * {@code KAFKA_REPLICATION_FACTOR} copies (default 1: the embedded broker is alone; a cluster wants 3) and
 * {@code KAFKA_MIN_INSYNC_REPLICAS}, how many copies must have an event before the broker acknowledges it to a producer
 * that asks for all (default one fewer than the copies, at least 1: with 3 copies one broker may be away).
 */
public record BusSettings(int partitions, short replicationFactor, short minInSyncReplicas) {
    /** One broker: what the embedded stack and the tests run. */
    public static final BusSettings SINGLE_BROKER = new BusSettings(3, (short) 1, (short) 1);

    public BusSettings {
        if (partitions < 1 || replicationFactor < 1 || minInSyncReplicas < 1) {
            throw new IllegalArgumentException("partitions, copies and in-sync copies must be at least 1");
        }
        if (minInSyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("KAFKA_MIN_INSYNC_REPLICAS (" + minInSyncReplicas
                    + ") cannot exceed KAFKA_REPLICATION_FACTOR (" + replicationFactor + "): no write would be acknowledged");
        }
    }

    public static BusSettings fromEnvironment(Map<String, String> env) {
        short replication = (short) positive(env, "KAFKA_REPLICATION_FACTOR", 1);
        return new BusSettings(positive(env, "KAFKA_PARTITIONS", 3), replication,
                (short) positive(env, "KAFKA_MIN_INSYNC_REPLICAS", Math.max(1, replication - 1)));
    }

    private static int positive(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 1 || n > Short.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive number, not '" + value + "'");
        }
    }
}
