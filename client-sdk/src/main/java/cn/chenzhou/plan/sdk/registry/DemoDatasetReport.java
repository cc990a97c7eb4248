package cn.chenzhou.plan.sdk.registry;

import java.util.List;

/** What the registry's own demo dataset load did: each item loaded now, or already there. */
public record DemoDatasetReport(String note, int loaded, int alreadyPresent, List<Item> items) {

    /** @param resource {@code designation} or {@code alliance} */
    public record Item(String id, String resource, String name, boolean loaded) {
    }
}
