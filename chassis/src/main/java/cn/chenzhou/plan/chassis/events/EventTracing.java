package cn.chenzhou.plan.chassis.events;

import cn.chenzhou.plan.contracts.EventAttributes;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Carries a request's trace across the bus: the W3C trace context of the request that changed an aggregate is stored
 * with each event it produced (the CloudEvents distributed-tracing extension, {@code traceparent}), and the relay's
 * publish and a consumer's processing of the event become spans of that same trace — however long after the request
 * they happen, and in whichever process.
 *
 * <p>An event stored without a trace context (before tracing, or by work no request started) gets no spans: a trace
 * of its own per event would say nothing and flood the trace store.
 */
public final class EventTracing {
    private static final Pattern W3C_TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private final Tracer tracer;
    private final Propagator propagator;

    public EventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span's context as a W3C {@code traceparent}, or null outside any trace. */
    public String currentTraceParent() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(4);
        propagator.inject(context, carrier, Map::put);
        return carrier.get(EventAttributes.TRACEPARENT);
    }

    /**
     * Starts a span of the trace the given {@code traceparent} belongs to, as its child; the caller ends it. Without a
     * well-formed trace context, a span that records nothing.
     *
     * @param name     what the span does, e.g. "outbox publish"
     * @param producer true for sending to the bus, false for processing what came from it
     * @param topic    the topic the event goes to or came from
     */
    public Span startChild(String traceParent, String name, boolean producer, String topic) {
        // a malformed one (a forged event's) would start a trace of its own: none instead
        if (traceParent == null || !W3C_TRACEPARENT.matcher(traceParent).matches()) {
            return Span.NOOP;
        }
        Span.Builder builder = propagator.extract(Map.of(EventAttributes.TRACEPARENT, traceParent), Map::get);
        return builder.name(name)
                .kind(producer ? Span.Kind.PRODUCER : Span.Kind.CONSUMER)
                .remoteServiceName("kafka")
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", topic)
                .start();
    }
}
