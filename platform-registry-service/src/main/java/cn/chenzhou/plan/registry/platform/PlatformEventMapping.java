package cn.chenzhou.plan.registry.platform;

import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.contracts.registry.PlatformAccredited;
import cn.chenzhou.plan.contracts.registry.PlatformRegistered;
import cn.chenzhou.plan.contracts.registry.PlatformRevoked;
import cn.chenzhou.plan.contracts.registry.RegistryEvents;
import cn.chenzhou.plan.registry.platform.model.Accreditation;
import cn.chenzhou.plan.registry.platform.model.Platform;

/** Translates what happened to a platform into the published contract. */
final class PlatformEventMapping {
    private PlatformEventMapping() {
    }

    static PendingEvent registered(Platform p) {
        return new PendingEvent(RegistryEvents.PLATFORM_REGISTERED, p.id(), p.county(), new PlatformRegistered(
                p.id(), p.county(), p.name(), p.type(), p.level().name(), p.host().name(),
                p.host().creditCode().value(), p.registeredOn().toString()));
    }

    /** The accreditation now in force: the level at which the platform counts, from its date. */
    static PendingEvent accredited(Platform p) {
        Accreditation a = p.currentAccreditation();
        return new PendingEvent(RegistryEvents.PLATFORM_ACCREDITED, p.id(), p.county(), new PlatformAccredited(
                p.id(), p.county(), p.type(), a.level().name(), a.accreditingBody(), a.documentNo(),
                a.accreditedOn().toString()));
    }

    static PendingEvent revoked(Platform p) {
        return new PendingEvent(RegistryEvents.PLATFORM_REVOKED, p.id(), p.county(), new PlatformRevoked(
                p.id(), p.county(), p.revocation().reason(), p.revocation().revokedOn().toString()));
    }
}
