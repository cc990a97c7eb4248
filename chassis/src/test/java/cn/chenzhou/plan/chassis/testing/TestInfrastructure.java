package cn.chenzhou.plan.chassis.testing;

import cn.chenzhou.plan.stack.SharedInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test context at the JVM's real Kafka broker and MongoDB-wire server
 * ({@link SharedInfrastructure}), in a database of its own, trusting {@link TestTokens}.
 */
public final class TestInfrastructure {
    private TestInfrastructure() {
    }

    public static void register(DynamicPropertyRegistry registry, String database) {
        SharedInfrastructure.start();
        registry.add("spring.mongodb.uri", () -> SharedInfrastructure.mongoUri(database));
        registry.add("spring.mongodb.database", () -> database);
        registry.add("spring.kafka.bootstrap-servers", SharedInfrastructure::kafkaBootstrapServers);
        registry.add("platform.security.public-key-location", TestTokens::publicKeyLocation);
        registry.add("platform.security.issuer", () -> TestTokens.ISSUER);
        registry.add("platform.outbox.sweep-interval", () -> "200ms");
        registry.add("logging.level.kafka", () -> "WARN");
        registry.add("logging.level.org.apache.kafka", () -> "WARN");
        registry.add("logging.level.state.change.logger", () -> "WARN");
    }
}
