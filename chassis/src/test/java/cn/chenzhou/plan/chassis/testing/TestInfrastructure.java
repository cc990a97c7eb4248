package cn.chenzhou.plan.chassis.testing;

import cn.chenzhou.plan.stack.BusCredentials;
import cn.chenzhou.plan.stack.SharedInfrastructure;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test context at the JVM's real Kafka broker and MongoDB-wire server
 * ({@link SharedInfrastructure}), in a database of its own, trusting {@link TestTokens}. The broker is locked as
 * the platform's is; the service under test signs in to it as its administrator, so that a test may use topics of
 * its own ({@link #createTopics}: the broker creates none by itself).
 */
public final class TestInfrastructure {
    private TestInfrastructure() {
    }

    public static void register(DynamicPropertyRegistry registry, String database) {
        SharedInfrastructure.start();
        registry.add("spring.mongodb.uri", () -> SharedInfrastructure.mongoUri(database));
        registry.add("spring.mongodb.database", () -> database);
        registry.add("spring.kafka.bootstrap-servers", SharedInfrastructure::kafkaBootstrapServers);
        registry.add("platform.kafka.username", () -> BusCredentials.ADMIN);
        registry.add("platform.kafka.password", () -> SharedInfrastructure.kafkaCredentials().password(BusCredentials.ADMIN));
        registry.add("platform.security.public-key-location", TestTokens::publicKeyLocation);
        registry.add("platform.security.issuer", () -> TestTokens.ISSUER);
        registry.add("platform.outbox.sweep-interval", () -> "200ms");
        registry.add("logging.level.kafka", () -> "WARN");
        registry.add("logging.level.org.apache.kafka", () -> "WARN");
        registry.add("logging.level.state.change.logger", () -> "WARN");
    }

    /** Creates the topics that do not exist yet, with as many partitions as the platform's (3). */
    public static void createTopics(String... topics) {
        try (Admin admin = Admin.create(SharedInfrastructure.kafkaClient())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Arrays.stream(topics).distinct().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 3, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics " + Arrays.toString(topics), e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics " + Arrays.toString(topics), e);
        }
    }
}
