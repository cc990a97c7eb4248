package cn.chenzhou.plan.registry.enterprise;

import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.contracts.registry.EnterpriseRdInstitutionClosed;
import cn.chenzhou.plan.contracts.registry.EnterpriseRdInstitutionEstablished;
import cn.chenzhou.plan.contracts.registry.EnterpriseReclassified;
import cn.chenzhou.plan.contracts.registry.EnterpriseRegistered;
import cn.chenzhou.plan.contracts.registry.RegistryEvents;
import cn.chenzhou.plan.registry.enterprise.model.Enterprise;
import cn.chenzhou.plan.registry.enterprise.model.RdInstitution;

/** Translates what happened to an enterprise into the published contract. */
final class EnterpriseEventMapping {
    private EnterpriseEventMapping() {
    }

    static PendingEvent registered(Enterprise e) {
        return new PendingEvent(RegistryEvents.ENTERPRISE_REGISTERED, e.id(), e.county(), new EnterpriseRegistered(
                e.id(), e.county(), e.name(), e.creditCode().value(), e.larger(), e.registeredOn().toString()));
    }

    static PendingEvent reclassified(Enterprise e) {
        return new PendingEvent(RegistryEvents.ENTERPRISE_RECLASSIFIED, e.id(), e.county(), new EnterpriseReclassified(
                e.id(), e.county(), e.larger(), e.classifiedOn().toString()));
    }

    static PendingEvent rdInstitutionEstablished(Enterprise e) {
        RdInstitution i = e.openRdInstitution();
        return new PendingEvent(RegistryEvents.ENTERPRISE_RD_INSTITUTION_ESTABLISHED, e.id(), e.county(),
                new EnterpriseRdInstitutionEstablished(e.id(), e.county(), i.name(), i.kind().name(),
                        i.establishedOn().toString()));
    }

    static PendingEvent rdInstitutionClosed(Enterprise e) {
        RdInstitution i = e.rdInstitutions().get(e.rdInstitutions().size() - 1);
        return new PendingEvent(RegistryEvents.ENTERPRISE_RD_INSTITUTION_CLOSED, e.id(), e.county(),
                new EnterpriseRdInstitutionClosed(e.id(), e.county(), i.closureReason(), i.closedOn().toString()));
    }
}
