package cn.chenzhou.plan.registry.designation;

import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.contracts.registry.DesignationApplied;
import cn.chenzhou.plan.contracts.registry.DesignationGranted;
import cn.chenzhou.plan.contracts.registry.DesignationRevoked;
import cn.chenzhou.plan.contracts.registry.RegistryEvents;
import cn.chenzhou.plan.registry.designation.model.Designation;
import cn.chenzhou.plan.registry.designation.model.DesignationStatus;
import java.util.ArrayList;
import java.util.List;

/** Translates what happened to a designation into the published contract. */
final class DesignationEventMapping {
    private DesignationEventMapping() {
    }

    /** The events of a new designation: its application, and its grant if it was recorded as granted. */
    static List<PendingEvent> created(Designation d) {
        List<PendingEvent> events = new ArrayList<>(List.of(applied(d)));
        if (d.status() == DesignationStatus.GRANTED) {
            events.add(granted(d));
        }
        return events;
    }

    static PendingEvent applied(Designation d) {
        return new PendingEvent(RegistryEvents.DESIGNATION_APPLIED, d.id(), d.county(), new DesignationApplied(
                d.id(), d.county(), d.kind().name(), d.level().name(), d.holder().name(), holderCode(d),
                d.appliedOn().toString()));
    }

    static PendingEvent granted(Designation d) {
        return new PendingEvent(RegistryEvents.DESIGNATION_GRANTED, d.id(), d.county(), new DesignationGranted(
                d.id(), d.county(), d.kind().name(), d.level().name(), d.holder().name(), holderCode(d),
                d.grant().documentNo(), d.grant().grantedOn().toString()));
    }

    static PendingEvent revoked(Designation d) {
        return new PendingEvent(RegistryEvents.DESIGNATION_REVOKED, d.id(), d.county(), new DesignationRevoked(
                d.id(), d.county(), d.kind().name(), d.revocation().reason(), d.revocation().revokedOn().toString()));
    }

    private static String holderCode(Designation d) {
        return d.holder().hasCreditCode() ? d.holder().creditCode().value() : null;
    }
}
