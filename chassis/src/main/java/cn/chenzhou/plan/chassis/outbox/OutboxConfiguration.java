package cn.chenzhou.plan.chassis.outbox;

import cn.chenzhou.plan.chassis.events.EventCodec;
import cn.chenzhou.plan.chassis.events.EventTracing;
import com.mongodb.MongoCredential;
import com.mongodb.WriteConcern;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/** The transactional outbox of a service: its aggregate collections and the relay that publishes their events. */
@AutoConfiguration(after = cn.chenzhou.plan.chassis.events.EventsConfiguration.class,
        beforeName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
public class OutboxConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The Kafka client id of a service's outbox relay: its producer's metrics and logs go by it. */
    private static String relayClientId(String application) {
        return application + "-outbox";
    }

    @Bean(destroyMethod = "close")
    OutboxMetrics outboxMetrics(MeterRegistry meters, MongoTemplate mongo, Clock clock,
                                @Value("${spring.application.name}") String application) {
        return new OutboxMetrics(meters, mongo, clock, relayClientId(application));
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaProperties kafka, EventCodec codec, OutboxMetrics metrics,
                            EventTracing tracing,
                            @Value("${platform.outbox.sweep-interval}") Duration sweepInterval,
                            @Value("${spring.application.name}") String application,
                            @Value("${platform.outbox.relay-enabled:true}") boolean relayEnabled) {
        Map<String, Object> props = kafka.buildProducerProperties();
        props.put("client.id", relayClientId(application));
        props.put("enable.idempotence", true);
        props.put("acks", "all");
        return new OutboxRelay(mongo, () -> new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer()),
                codec, sweepInterval, relayEnabled, metrics, tracing);
    }

    @Bean
    @ConditionalOnMissingBean
    MongoCustomConversions mongoCustomConversions() {
        return StoredValueConversions.conversions();
    }

    /**
     * On real MongoDB, the service's own user, whose rights end at the service's own database (where it is defined):
     * added to whatever the connection string says.
     */
    @Bean
    @ConditionalOnProperty(name = "platform.mongodb.authenticate", havingValue = "true")
    MongoClientSettingsBuilderCustomizer storeUser(@Value("${platform.mongodb.username}") String username,
                                                   @Value("${platform.mongodb.password}") String password,
                                                   @Value("${spring.mongodb.database}") String database) {
        if (password.isBlank()) {
            throw new IllegalStateException("platform.mongodb.authenticate is true but " + username + " has no password"
                    + " (mongodb." + username + ".password in the secrets file, or MONGODB_PASSWORD)");
        }
        return settings -> settings.credential(MongoCredential.createScramSha256Credential(username, database,
                password.toCharArray()));
    }

    /**
     * Acknowledged means on disk: a write is answered only once the store has it in its journal (MongoDB's {@code j:
     * true}; the embedded wire server answers after its own fsync anyway). A connection string that says how to
     * acknowledge ({@code w=}, {@code journal=}) is left as it is. Applied after Boot's own settings.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    MongoClientSettingsBuilderCustomizer journaledWrites(@Value("${spring.mongodb.uri:}") String uri) {
        return settings -> {
            if (!uri.contains("w=") && !uri.contains("journal=")) {
                settings.writeConcern(WriteConcern.JOURNALED);
            }
        };
    }

    /** Named so that Boot's own MongoDB indicator, which needs {@code hello}, backs off. */
    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    Aggregates aggregates(MongoTemplate mongo, EventCodec codec, OutboxRelay relay, Clock clock, EventTracing tracing,
                          @Value("${spring.application.name}") String application) {
        return new Aggregates(mongo, codec, relay, "/" + application, clock, tracing);
    }
}
