package cn.chenzhou.plan.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One page of a list, as every list of the platform answers: {@code items}, the {@code page} number (from 0), the
 * page {@code size} asked for and the {@code total} number of items matching.
 */
public record Page<T>(List<T> items, int page, int size, long total) {
    /** The largest page the platform serves. */
    public static final int MAX_SIZE = 200;

    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean isLast() {
        return (long) (page + 1) * size >= total || items.isEmpty();
    }

    /** Every item of a list, reading it page by page ({@code fetch} gets page n of {@link #MAX_SIZE}). */
    public static <T> List<T> all(IntFunction<Page<T>> fetch) {
        List<T> all = new ArrayList<>();
        for (int n = 0; ; n++) {
            Page<T> page = fetch.apply(n);
            all.addAll(page.items());
            if (page.isLast()) {
                return all;
            }
        }
    }
}
