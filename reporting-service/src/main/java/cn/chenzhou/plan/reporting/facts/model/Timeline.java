package cn.chenzhou.plan.reporting.facts.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How one fact changed over time: values in force from their effective dates, as known now.
 *
 * <p>Entries are ordered by effective date, then by the aggregate's event sequence, so an event recorded late with an
 * earlier effective date (a backdated revocation) takes its place in history. The value "as of D" is the last entry
 * effective on or before D. Applying the same event again (same sequence) replaces its entry: re-application is harmless.
 */
public record Timeline<V>(List<Dated<V>> entries) {
    private static final Comparator<Dated<?>> ORDER =
            Comparator.<Dated<?>, LocalDate>comparing(Dated::on).thenComparingLong(Dated::sequence);

    public Timeline {
        entries = List.copyOf(entries);
    }

    public static <V> Timeline<V> empty() {
        return new Timeline<>(List.of());
    }

    public static <V> Timeline<V> of(LocalDate on, long sequence, V value) {
        return Timeline.<V>empty().with(on, sequence, value);
    }

    public Timeline<V> with(LocalDate on, long sequence, V value) {
        List<Dated<V>> next = new ArrayList<>(entries.size() + 1);
        for (Dated<V> e : entries) {
            if (e.sequence() != sequence) {
                next.add(e);
            }
        }
        next.add(new Dated<>(on, sequence, value));
        next.sort(ORDER);
        return new Timeline<>(next);
    }

    /** The entry in force on {@code date}, or null if none was effective yet. */
    public Dated<V> at(LocalDate date) {
        Dated<V> found = null;
        for (Dated<V> e : entries) {
            if (e.on().isAfter(date)) {
                break;
            }
            found = e;
        }
        return found;
    }

    /** The value in force on {@code date}; null if none (or if the value in force is "none", e.g. revoked). */
    public V valueAt(LocalDate date) {
        Dated<V> e = at(date);
        return e == null ? null : e.value();
    }

    public boolean hasNoEntries() {
        return entries.isEmpty();
    }

    /** A value with the date it takes effect and the sequence of the event that stated it. */
    public record Dated<V>(LocalDate on, long sequence, V value) {
    }
}
