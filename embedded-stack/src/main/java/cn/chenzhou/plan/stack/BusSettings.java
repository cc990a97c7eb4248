package cn.chenzhou.plan.stack;

import java.util.Map;

/**
 * How the administrator creates the platform's topics: {@code KAFKA_PARTITIONS} partitions each (default 3) and
 * {@code KAFKA_REPLICATION_FACTOR} copies (default 1: the embedded broker is alone; a cluster wants 3).
 */
record BusSettings(int partitions, short replicationFactor) {

    static BusSettings fromEnvironment(Map<String, String> env) {
        return new BusSettings(positive(env, "KAFKA_PARTITIONS", 3), (short) positive(env, "KAFKA_REPLICATION_FACTOR", 1));
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
