package cn.chenzhou.plan.chassis.web;

import java.util.List;

/**
 * One page of a list, the same shape in every service.
 *
 * @param items the page's items
 * @param page  zero-based page number
 * @param size  page size asked for
 * @param total number of items matching the filters, on all pages
 */
public record PageView<T>(List<T> items, int page, int size, long total) {

    /** Largest page a client may ask for. */
    public static final int MAX_SIZE = 200;

    public PageView {
        items = List.copyOf(items);
    }
}
