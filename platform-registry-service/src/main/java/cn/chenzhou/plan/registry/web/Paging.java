package cn.chenzhou.plan.registry.web;

import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.chassis.web.PageView;
import java.util.function.Function;

/** Turns a page of stored registrations into a page of their API views. */
public final class Paging {
    private Paging() {
    }

    public static <T, V> PageView<V> map(PageView<Versioned<T>> page, Function<Versioned<T>, V> view) {
        return new PageView<>(page.items().stream().map(view).toList(), page.page(), page.size(), page.total());
    }
}
