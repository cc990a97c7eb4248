package cn.chenzhou.plan.contracts;

import cn.chenzhou.plan.contracts.funding.FundingEvents;
import cn.chenzhou.plan.contracts.project.ProjectEvents;
import cn.chenzhou.plan.contracts.registry.RegistryEvents;
import cn.chenzhou.plan.contracts.reporting.ReportingEvents;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every event type the platform publishes; each has a JSON Schema under {@code /schemas}. */
public final class EventCatalogue {

    private static final List<EventType> ALL = Stream.of(ProjectEvents.ALL, FundingEvents.ALL, RegistryEvents.ALL, ReportingEvents.ALL)
            .flatMap(List::stream)
            .toList();

    private static final Map<String, EventType> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private EventCatalogue() {
    }

    public static List<EventType> all() {
        return ALL;
    }

    public static Optional<EventType> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
