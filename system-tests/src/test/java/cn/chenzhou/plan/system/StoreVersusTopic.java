package cn.chenzhou.plan.system;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * Every stored change has its event and every event its stored change: per aggregate, the topic holds exactly the
 * sequences 1…n, in that order and on one partition, where n is the sequence of the aggregate's last stored change.
 * A missing last event, a gap, an event published twice under two ids, or an event whose aggregate the store does not
 * hold (at that sequence) is a discrepancy.
 */
final class StoreVersusTopic {
    private StoreVersusTopic() {
    }

    static Check check(StoreSnapshot store, TopicSnapshot topic) {
        Check check = new Check("every stored change has its event and vice versa, in order",
                "the owners' stores (each aggregate's last sequence) ↔ the event topics read from the beginning");
        store.clashes.forEach(check::disagree);
        Set<String> aggregates = new LinkedHashSet<>(store.byAggregate.keySet());
        aggregates.addAll(topic.byAggregate.keySet());
        for (String aggregate : aggregates) {
            check.compared(1);
            StoreSnapshot.Aggregate stored = store.byAggregate.get(aggregate);
            List<TopicSnapshot.Event> events = topic.byAggregate.getOrDefault(aggregate, List.of());
            List<Long> published = events.stream().map(TopicSnapshot.Event::sequence).toList();
            if (stored == null) {
                check.disagree(aggregate + ": the topic holds sequences " + published + " but the store holds no such"
                        + " aggregate — events whose state is missing");
                continue;
            }
            List<Long> expected = LongStream.rangeClosed(1, stored.sequence()).boxed().toList();
            if (!published.equals(expected)) {
                check.disagree(aggregate + " (" + stored.collection() + "): stored up to sequence " + stored.sequence()
                        + (stored.queued() > 0 ? " (" + stored.queued() + " events still queued in it)" : "")
                        + ", the topic holds " + describe(published, stored.sequence()));
            }
            if (events.stream().map(TopicSnapshot.Event::partition).distinct().count() > 1) {
                check.disagree(aggregate + ": its events are spread over several partitions; their order is lost");
            }
        }
        return check;
    }

    private static String describe(List<Long> published, long storedSequence) {
        List<String> what = new ArrayList<>();
        List<Long> sorted = published.stream().sorted().distinct().toList();
        if (!sorted.equals(published)) {
            what.add("out of order " + published);
        }
        List<Long> missing = LongStream.rangeClosed(1, storedSequence).boxed().filter(s -> !published.contains(s)).toList();
        if (!missing.isEmpty()) {
            what.add("no event for " + (missing.size() > 10 ? missing.size() + " sequences from " + missing.get(0) : missing)
                    + (missing.contains(storedSequence) ? " (including the last)" : ""));
        }
        List<Long> beyond = published.stream().filter(s -> s > storedSequence).toList();
        if (!beyond.isEmpty()) {
            what.add("events " + beyond + " beyond the stored state — their state is missing");
        }
        if (published.size() != sorted.size()) {
            what.add("a sequence published under two event ids " + published);
        }
        return String.join("; ", what);
    }
}
