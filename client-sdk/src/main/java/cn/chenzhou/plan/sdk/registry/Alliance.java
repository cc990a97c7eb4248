package cn.chenzhou.plan.sdk.registry;

import java.time.LocalDate;
import java.util.List;

/** An industry technology innovation alliance (产业技术创新联盟) led from a county, with its members. */
public record Alliance(String id, String county, String countyName, String name, String field, LocalDate formedOn,
                       int memberCount, List<Member> members, long version) {

    /** @param county the member's Chenzhou county, null for one from outside Chenzhou */
    public record Member(Organisation organisation, String county, LocalDate joinedOn, boolean founding) {
    }

    /** A founding member: {@code county} null for one from outside Chenzhou. */
    public record Founder(Organisation organisation, String county) {
    }

    /** County portal (own county) or plan office; one alliance of a name (409 {@code duplicate-registration}). */
    public record Form(String county, String name, String field, LocalDate formedOn, List<Founder> members) {
    }

    /** The alliance's county portal or the plan office: an organisation joins. */
    public record Join(Organisation organisation, String county, LocalDate joinedOn) {
    }
}
