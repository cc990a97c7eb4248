package cn.chenzhou.plan.registry.alliance;

import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.contracts.registry.AllianceFormed;
import cn.chenzhou.plan.contracts.registry.AllianceMemberJoined;
import cn.chenzhou.plan.contracts.registry.RegistryEvents;
import cn.chenzhou.plan.registry.alliance.model.Alliance;
import cn.chenzhou.plan.registry.alliance.model.AllianceMember;

/**
 * Translates what happened to an alliance into the published contract: the formation counts the founding members,
 * each later member is announced on its own (see EVENTS.md).
 */
final class AllianceEventMapping {
    private AllianceEventMapping() {
    }

    static PendingEvent formed(Alliance a) {
        return new PendingEvent(RegistryEvents.ALLIANCE_FORMED, a.id(), a.county(), new AllianceFormed(
                a.id(), a.county(), a.name(), a.field(), a.foundingMemberCount(), a.formedOn().toString()));
    }

    static PendingEvent memberJoined(Alliance a) {
        AllianceMember m = a.latestMember();
        return new PendingEvent(RegistryEvents.ALLIANCE_MEMBER_JOINED, a.id(), a.county(), new AllianceMemberJoined(
                a.id(), a.county(), m.organisation().name(),
                m.organisation().hasCreditCode() ? m.organisation().creditCode().value() : null,
                m.county(), m.joinedOn().toString()));
    }
}
