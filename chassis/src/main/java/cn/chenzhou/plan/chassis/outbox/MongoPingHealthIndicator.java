package cn.chenzhou.plan.chassis.outbox;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB health by {@code ping}. Boot's own indicator asks {@code hello}, which the embedded wire server does
 * not implement, so it would report every service DOWN on the embedded stack; {@code ping} works on both.
 */
final class MongoPingHealthIndicator extends AbstractHealthIndicator {
    private final MongoTemplate mongo;

    MongoPingHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName());
    }
}
