package cn.chenzhou.plan.registry.alliance.model;

import cn.chenzhou.plan.registry.model.EffectiveDates;
import cn.chenzhou.plan.registry.model.Names;
import cn.chenzhou.plan.registry.model.Organisation;
import cn.chenzhou.plan.registry.model.Refusal;
import cn.chenzhou.plan.registry.model.RegistrationKeys;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An industry technology innovation alliance (产业技术创新联盟) led from a county, such as the 稀贵金属综合再生与精深加工
 * alliance: formed by founding members in a field, joined by more members later.
 *
 * @param field           the industry or technology field (e.g. 稀贵金属综合再生与精深加工)
 * @param members         founding members first, then later members in the order they joined
 * @param registrationKey an alliance's name is unique in its county: a county never learns from a refusal what
 *                        another county has registered, and the plan office, which sees every county, tells homonyms apart
 */
public record Alliance(
        String id,
        String county,
        String name,
        String field,
        LocalDate formedOn,
        List<AllianceMember> members,
        String registrationKey) {

    /** An alliance is formed by at least one founding member (its lead organisation) and has a bounded roll. */
    public static final int MAX_MEMBERS = 500;

    public Alliance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(formedOn, "formedOn");
        members = members == null ? List.of() : List.copyOf(members);
        Objects.requireNonNull(registrationKey, "registrationKey");
    }

    public static String keyOf(String county, String name) {
        return RegistrationKeys.of("alliance", county, Names.normalise(name));
    }

    /** A county registers an alliance formed on {@code formedOn} by its founding members. */
    public static Alliance form(String id, String county, String name, String field, LocalDate formedOn,
                                List<FoundingMember> founders, LocalDate today) {
        EffectiveDates.check("formedOn", formedOn, today);
        if (founders.isEmpty()) {
            throw Refusal.invalid("members", "an alliance is formed by at least one founding member");
        }
        if (founders.size() > MAX_MEMBERS) {
            throw Refusal.invalid("members", "at most " + MAX_MEMBERS + " members");
        }
        List<AllianceMember> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < founders.size(); i++) {
            FoundingMember f = founders.get(i);
            AllianceMember member = new AllianceMember(f.organisation(), f.county(), formedOn, true);
            if (!seen.add(member.identity(county))) {
                throw Refusal.invalid("members[" + i + "]", "names " + f.organisation().name() + " a second time");
            }
            members.add(member);
        }
        return new Alliance(id, county, Names.normalise(name), Names.normalise(field), formedOn, members, keyOf(county, name));
    }

    /** An organisation joins the alliance on {@code joinedOn}; an organisation is a member once. */
    public Alliance join(Organisation organisation, String memberCounty, LocalDate joinedOn, LocalDate today) {
        EffectiveDates.check("joinedOn", joinedOn, today);
        EffectiveDates.notBefore("joinedOn", joinedOn, formedOn, "the alliance's formation");
        AllianceMember member = new AllianceMember(organisation, memberCounty, joinedOn, false);
        for (AllianceMember existing : members) {
            if (existing.identity(county).equals(member.identity(county))) {
                throw Refusal.conflict("already-a-member", organisation.name() + " is already a member of alliance "
                        + id + " (since " + existing.joinedOn() + ")");
            }
        }
        if (members.size() >= MAX_MEMBERS) {
            throw Refusal.conflict("alliance-full", "alliance " + id + " already has " + MAX_MEMBERS + " members");
        }
        List<AllianceMember> all = new ArrayList<>(members);
        all.add(member);
        return new Alliance(id, county, name, field, formedOn, all, registrationKey);
    }

    public int foundingMemberCount() {
        return (int) members.stream().filter(AllianceMember::founding).count();
    }

    /** The member who joined last. */
    public AllianceMember latestMember() {
        return members.get(members.size() - 1);
    }

    /** A founding member as the county names it when registering the alliance. */
    public record FoundingMember(Organisation organisation, String county) {
        public FoundingMember {
            Objects.requireNonNull(organisation, "organisation");
        }
    }
}
