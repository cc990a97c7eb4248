package cn.chenzhou.plan.registry.assessment;

import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.contracts.registry.AssessmentRecorded;
import cn.chenzhou.plan.contracts.registry.RegistryEvents;
import cn.chenzhou.plan.registry.assessment.model.Assessment;
import cn.chenzhou.plan.registry.assessment.model.AssessmentEntry;

/**
 * Translates an assessment into the published contract. A first record and every correction are both
 * {@code assessment.recorded} of the same county-year id: the one with the highest sequence is in force.
 */
final class AssessmentEventMapping {
    private AssessmentEventMapping() {
    }

    static PendingEvent recorded(Assessment a) {
        AssessmentEntry e = a.current();
        return new PendingEvent(RegistryEvents.ASSESSMENT_RECORDED, a.id(), a.county(), new AssessmentRecorded(
                a.id(), a.county(), a.year(), e.result().name(), e.documentNo(), e.effectiveOn().toString()));
    }
}
