package cn.chenzhou.plan.contracts;

/**
 * The CloudEvents (v1.0) attributes every event carries, in the Kafka protocol binding's binary mode:
 * each attribute is a record header {@code ce_<name>}, the data is the JSON record value.
 *
 * <p>Besides the required attributes (id, source, type, specversion) and the optional ones we always set
 * (subject = aggregate id, time, dataschema, datacontenttype), three extension attributes make an event
 * findable and orderable without parsing its data.
 */
public final class EventAttributes {
    /** GB/T 2260 code of the county the fact belongs to, or {@link County#CITY_CODE} for a city-wide fact. */
    public static final String COUNTY = "county";
    /** The acting principal: who caused the change (client id or user name). */
    public static final String ACTOR = "actor";
    /** Per-aggregate sequence number of this event: 1 for the first event of an aggregate, then +1 each. */
    public static final String SEQUENCE = "sequence";
    /**
     * The CloudEvents distributed-tracing extension: the W3C trace context of the request that made the change, on
     * events made within a traced request (optional). Readers use it to join that request's trace.
     */
    public static final String TRACEPARENT = "traceparent";

    public static final String HEADER_PREFIX = "ce_";
    public static final String CONTENT_TYPE = "application/json";
    public static final String SPEC_VERSION = "1.0";

    private EventAttributes() {
    }
}
