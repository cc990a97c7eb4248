package cn.chenzhou.plan.chassis.security;

import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.contracts.County;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The acting principal of a request: who (the token's subject: a client id or a user name), with which roles,
 * and — for a county portal — which county. Recorded on every state change and carried in every event.
 */
public record Actor(String name, Set<Role> roles, String county) {

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if (roles.contains(Role.COUNTY) && !County.isCountyCode(county)) {
            throw new IllegalArgumentException("a county portal's token must name its county");
        }
    }

    public static Actor of(String name, Collection<Role> roles, String county) {
        return new Actor(name, roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles), county);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isCountyPortal() {
        return roles.contains(Role.COUNTY);
    }

    /** The county a county portal is confined to; empty for bureau-wide principals. */
    public Optional<String> countyScope() {
        return isCountyPortal() ? Optional.of(county) : Optional.empty();
    }

    /** Refuses (403) unless the actor holds one of these roles. */
    public Actor require(Role... anyOf) {
        for (Role role : anyOf) {
            if (roles.contains(role)) {
                return this;
            }
        }
        throw ApiException.forbidden(name + " may not do this; it needs one of the roles " + Arrays.toString(anyOf));
    }

    /** Refuses (403) a county portal acting on another county's data; bureau-wide principals pass. */
    public Actor requireCounty(String targetCounty) {
        if (isCountyPortal() && !county.equals(targetCounty)) {
            throw ApiException.forbidden("the portal of county " + county + " may not act on county " + targetCounty);
        }
        return this;
    }

    /** True if this actor may read data of that county. */
    public boolean mayRead(String targetCounty) {
        return !isCountyPortal() || county.equals(targetCounty);
    }
}
