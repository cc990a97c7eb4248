package cn.chenzhou.plan.reporting.facts;

import java.time.Instant;
import java.util.List;

/**
 * Where the fact pipeline stands.
 *
 * @param state          CATCHING_UP (reading what was published while it was away), LIVE, or REBUILDING
 * @param eventsApplied  events applied since start (duplicates excluded)
 * @param duplicates     events skipped because their aggregate had already applied them
 * @param ignored        events of types this reader does not know (a newer version), read past
 * @param deadLettered   poison events set aside on {@code <topic>.dlt}
 * @param lastAppliedAt  when the last event was applied
 * @param lag            events published but not yet read
 * @param partitions     position per topic partition
 * @param rebuild        the last (or running) rebuild
 */
public record PipelineStatus(String state, long eventsApplied, long duplicates, long ignored, long deadLettered,
                             Instant lastAppliedAt, long lag, int aggregates, int facts,
                             List<Position> partitions, Rebuild rebuild) {

    /** @param position the next offset to read */
    public record Position(String topic, int partition, long position) {
    }

    /**
     * A rebuild: drop the read model and read every topic from its beginning into a new fact book, swapped in when it
     * has read everything that was published when it started.
     *
     * @param eventsToRead events on the topics when it started
     * @param eventsRead   events read so far
     */
    public record Rebuild(String state, String requestedBy, Instant startedAt, Instant finishedAt, long eventsToRead,
                          long eventsRead, double percent, Long eventsPerSecond) {
        static Rebuild none() {
            return new Rebuild("NONE", null, null, null, 0, 0, 0, null);
        }
    }
}
