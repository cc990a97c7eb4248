package cn.chenzhou.plan.chassis.outbox;

import cn.chenzhou.plan.chassis.events.EventCodec;
import cn.chenzhou.plan.chassis.events.EventTracing;
import java.time.Clock;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Hands out {@link AggregateCollection}s and registers each with the outbox relay. */
public final class Aggregates {
    private final MongoTemplate mongo;
    private final EventCodec codec;
    private final OutboxRelay relay;
    private final String source;
    private final Clock clock;
    private final EventTracing tracing;

    public Aggregates(MongoTemplate mongo, EventCodec codec, OutboxRelay relay, String source, Clock clock,
                      EventTracing tracing) {
        this.mongo = mongo;
        this.codec = codec;
        this.relay = relay;
        this.source = source;
        this.clock = clock;
        this.tracing = tracing;
    }

    public <T> AggregateCollection<T> collection(String name, Class<T> stateType) {
        relay.register(name);
        return new AggregateCollection<>(mongo, name, stateType, codec, relay, source, clock, tracing);
    }
}
