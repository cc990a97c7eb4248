package cn.chenzhou.plan.projects.industry;

import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.contracts.EventType;
import cn.chenzhou.plan.contracts.project.IndustryDriversChanged;
import cn.chenzhou.plan.contracts.project.IndustryRecognised;
import cn.chenzhou.plan.contracts.project.IndustryRecognitionRevoked;
import cn.chenzhou.plan.contracts.project.IndustryRegistered;
import cn.chenzhou.plan.contracts.project.ProjectEvents;
import cn.chenzhou.plan.projects.industry.model.CharacteristicIndustry;
import cn.chenzhou.plan.projects.industry.model.IndustryTransition;
import cn.chenzhou.plan.projects.lifecycle.model.HistoryEntry;
import java.util.List;

/** The one published event of a characteristic industry's last step. */
final class IndustryEventMapping {
    private IndustryEventMapping() {
    }

    static List<PendingEvent> of(CharacteristicIndustry i) {
        HistoryEntry step = i.lastStep();
        String on = step.effectiveOn().toString();
        IndustryTransition transition = IndustryTransition.byCode(step.action())
                .orElseThrow(() -> new IllegalStateException("unknown step " + step.action()));
        return List.of(switch (transition) {
            case REGISTER -> event(ProjectEvents.INDUSTRY_REGISTERED, i, new IndustryRegistered(i.id(), i.county(), i.name(), on));
            case CHANGE_DRIVERS -> event(ProjectEvents.INDUSTRY_DRIVERS_CHANGED, i,
                    new IndustryDriversChanged(i.id(), i.county(), i.projectIds(), i.achievementIds(), on));
            case RECOGNISE -> event(ProjectEvents.INDUSTRY_RECOGNISED, i,
                    new IndustryRecognised(i.id(), i.county(), i.name(), i.recognition().documentNo(), on));
            case REVOKE_RECOGNITION -> event(ProjectEvents.INDUSTRY_RECOGNITION_REVOKED, i,
                    new IndustryRecognitionRevoked(i.id(), i.county(), i.revocation().reason(), on));
        });
    }

    private static PendingEvent event(EventType type, CharacteristicIndustry i, Object data) {
        return new PendingEvent(type, i.id(), i.county(), data);
    }
}
