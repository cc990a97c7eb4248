package cn.chenzhou.plan.registry.alliance.model;

import cn.chenzhou.plan.registry.model.Organisation;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A member organisation of an alliance.
 *
 * @param county   the Chenzhou county the member is seated in, or null for a member from outside Chenzhou (a university in Changsha)
 * @param joinedOn the date it joined; the formation date for a founding member
 * @param founding true for the members that formed the alliance
 */
public record AllianceMember(Organisation organisation, String county, LocalDate joinedOn, boolean founding) {
    public AllianceMember {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(joinedOn, "joinedOn");
    }

    /** What makes two members the same organisation. */
    String identity(String allianceCounty) {
        return organisation.identity(county == null ? allianceCounty : county);
    }
}
