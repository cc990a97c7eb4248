package cn.chenzhou.plan.chassis.events;

import cn.chenzhou.plan.contracts.Topics;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event consumption for every service: the codec, the topics, and the error handling that sends a poison
 * event to {@code <topic>.dlt} at once (with the reason in the {@code kafka_dlt-exception-*} headers) while a
 * passing failure (MongoDB briefly away) is retried with backoff for as long as it takes — never dead-lettered.
 * A service creates no topic: the bus's administrator does (the broker lets no service create one).
 */
@AutoConfiguration
public class EventsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EventsConfiguration.class);

    @Bean
    EventCodec eventCodec(JsonMapper mapper) {
        return new EventCodec(mapper);
    }

    /** Boot's tracer and W3C propagator; with tracing switched off ({@code management.tracing.enabled=false}) no-ops. */
    @Bean
    EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventTracing(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /**
     * Sends an event to {@code <topic>.dlt} with the {@code kafka_dlt-*} headers (original topic, partition, offset,
     * the exception's class and message), waiting for the broker's acknowledgement: it throws if the event could not
     * be set aside, so the consumer does not move past it.
     */
    @Bean
    DeadLetterPublishingRecoverer eventDeadLetters(KafkaOperations<?, ?> kafka) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> {
                    log.warn("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                            exception.getMessage());
                    return new TopicPartition(Topics.deadLetterOf(record.topic()), -1);
                });
        // a broker that does not take it within this fails the batch, which is tried again (not a wait of minutes)
        recoverer.setWaitForSendResultTimeout(Duration.ofSeconds(15));
        return recoverer;
    }

    /**
     * A {@link PoisonEventException} sets its event aside at once; every other failure is tried again with back-off for
     * as long as it takes — also those spring-kafka would give up on by default (a {@code ClassCastException}, a
     * conversion failure: a defect, not a bad event): given up on in a batch listener, they would set aside every event
     * of the batch, good ones included.
     */
    @Bean
    CommonErrorHandler eventErrorHandler(DeadLetterPublishingRecoverer recoverer) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.setClassifications(Map.of(PoisonEventException.class, false), true);
        return handler;
    }
}
