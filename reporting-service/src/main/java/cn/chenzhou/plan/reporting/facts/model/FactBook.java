package cn.chenzhou.plan.reporting.facts.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Every fact reporting knows, in memory: the read model the scorecards, time series and exports are computed from.
 *
 * <p>Each event is applied at most once: the book remembers, per aggregate, the sequence of the last event applied and
 * ignores any event whose sequence is not newer (a redelivery, a duplicate, a replay after a crash). Events of different
 * aggregates may come in any order; facts are joined by business id only when counted. Not thread-safe: the owner
 * guards it (one writer, many readers).
 */
public final class FactBook {
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, List<FactRef>> written = new HashMap<>();
    private final Map<FactType, Map<String, Object>> facts = new EnumMap<>(FactType.class);
    private final Set<String> dirty = new HashSet<>();
    private long applied;

    public FactBook() {
        for (FactType t : FactType.values()) {
            facts.put(t, new LinkedHashMap<>());
        }
    }

    /** What applying an event did. */
    public enum Outcome {
        /** The event changed (or confirmed) facts. */
        APPLIED,
        /** Its sequence was not newer than the last applied for its aggregate: a duplicate, changes nothing. */
        ALREADY_APPLIED,
        /** A valid event no report counts (a mid-term check, a draft): only its sequence is remembered. */
        NOT_COUNTED
    }

    /**
     * Applies one event.
     *
     * @param aggregate topic and aggregate id
     * @param sequence  the aggregate's sequence number of the event
     * @param data      the event's data, a record of the contracts module
     * @throws RuntimeException (before changing anything) if the data cannot be read as a fact: a poison event
     */
    public Outcome apply(String aggregate, long sequence, Object data) {
        Long last = sequences.get(aggregate);
        if (last != null && sequence <= last) {
            return Outcome.ALREADY_APPLIED;
        }
        FactChange change = EventFacts.changeFor(data, sequence);
        if (change != null) {
            Map<String, Object> ofType = facts.get(change.type());
            Object next = change.update().apply(ofType.get(change.id()));
            ofType.put(change.id(), next);
            remember(aggregate, new FactRef(change.type(), change.id()));
        }
        sequences.put(aggregate, sequence);
        dirty.add(aggregate);
        applied++;
        return change == null ? Outcome.NOT_COUNTED : Outcome.APPLIED;
    }

    /** The facts of a type, e.g. {@code all(Facts.Platform.class)}. */
    @SuppressWarnings("unchecked")
    public <T> Collection<T> all(Class<T> type) {
        return (Collection<T>) Collections.unmodifiableCollection(facts.get(FactType.of(type)).values());
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Class<T> type, String id) {
        return (T) facts.get(FactType.of(type)).get(id);
    }

    /** Sequence of the last event applied to an aggregate, 0 if none. */
    public long sequenceOf(String aggregate) {
        return sequences.getOrDefault(aggregate, 0L);
    }

    public int aggregateCount() {
        return sequences.size();
    }

    public int factCount() {
        return facts.values().stream().mapToInt(Map::size).sum();
    }

    /** Events applied to this book since it was created or restored (duplicates excluded). */
    public long appliedCount() {
        return applied;
    }

    /** The aggregates changed since the last call, as they now stand; clears the list. */
    public List<StoredAggregate> takeChanged() {
        List<StoredAggregate> changed = new ArrayList<>(dirty.size());
        for (String key : dirty) {
            changed.add(stored(key));
        }
        dirty.clear();
        return changed;
    }

    /** Every aggregate as it stands: a full snapshot. */
    public List<StoredAggregate> snapshot() {
        List<StoredAggregate> all = new ArrayList<>(sequences.size());
        for (String key : sequences.keySet()) {
            all.add(stored(key));
        }
        return all;
    }

    private StoredAggregate stored(String key) {
        List<Object> records = new ArrayList<>();
        for (FactRef ref : written.getOrDefault(key, List.of())) {
            records.add(facts.get(ref.type()).get(ref.id()));
        }
        return new StoredAggregate(key, sequences.get(key), records);
    }

    /** Puts back an aggregate as it was stored. */
    public void restore(StoredAggregate aggregate) {
        sequences.merge(aggregate.key(), aggregate.sequence(), Math::max);
        for (Object record : aggregate.facts()) {
            FactType type = FactType.of(record.getClass());
            String id = idOf(record);
            facts.get(type).put(id, record);
            remember(aggregate.key(), new FactRef(type, id));
        }
    }

    /** Which records an aggregate wrote: mostly one, so a small list rather than a set per aggregate. */
    private void remember(String aggregate, FactRef ref) {
        List<FactRef> refs = written.computeIfAbsent(aggregate, k -> new ArrayList<>(1));
        if (!refs.contains(ref)) {
            refs.add(ref);
        }
    }

    private static String idOf(Object record) {
        try {
            return (String) record.getClass().getMethod("id").invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("fact record without id: " + record.getClass(), e);
        }
    }

    private record FactRef(FactType type, String id) {
    }

    /** One fact record to create or update: its type, its id, and how the event changes it. */
    record FactChange(FactType type, String id, UnaryOperator<Object> update) {
    }
}
