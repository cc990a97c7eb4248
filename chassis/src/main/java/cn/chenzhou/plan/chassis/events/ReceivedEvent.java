package cn.chenzhou.plan.chassis.events;

import java.time.OffsetDateTime;

/**
 * An event as a consumer receives it: the CloudEvents attributes, validated, and the raw JSON data.
 *
 * @param subject  the aggregate id
 * @param sequence the aggregate's sequence number of this event (1, 2, …)
 */
public record ReceivedEvent(
        String id,
        String type,
        String source,
        String subject,
        OffsetDateTime time,
        String county,
        String actor,
        long sequence,
        byte[] data,
        String topic,
        int partition,
        long offset) {
}
