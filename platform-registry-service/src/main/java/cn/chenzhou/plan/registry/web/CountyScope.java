package cn.chenzhou.plan.registry.web;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.web.ApiException;
import java.util.Optional;

/** Which county a read is confined to: a county portal reads only its own county; the bureau reads any or all. */
public final class CountyScope {
    private CountyScope() {
    }

    /**
     * The county to filter a list by: the one asked for (a portal asking for another county's list is refused), or
     * the portal's own county when none is asked for, or none for the bureau.
     */
    public static Optional<String> forList(Actor actor, String requested) {
        if (requested != null) {
            actor.requireCounty(requested);
            return Optional.of(requested);
        }
        return actor.countyScope();
    }

    /** Refuses to show a single resource of another county to a county portal: to it, that resource does not exist. */
    public static void requireReadable(Actor actor, String county, String resource, String id) {
        if (!actor.mayRead(county)) {
            throw ApiException.notFound(resource, id);
        }
    }
}
