package cn.chenzhou.plan.projects.achievement;

import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.contracts.project.AchievementTransformationRecorded;
import cn.chenzhou.plan.contracts.project.AchievementTransformationWithdrawn;
import cn.chenzhou.plan.contracts.project.ProjectEvents;
import cn.chenzhou.plan.projects.achievement.model.AchievementTransformation;
import java.util.List;

/** The one published event of a transformation record's last step. */
final class AchievementEventMapping {
    private AchievementEventMapping() {
    }

    static List<PendingEvent> of(AchievementTransformation a) {
        String step = a.history().get(a.history().size() - 1).action();
        if (step.equals(AchievementTransformation.RECORD)) {
            return List.of(new PendingEvent(ProjectEvents.ACHIEVEMENT_TRANSFORMATION_RECORDED, a.id(), a.county(),
                    new AchievementTransformationRecorded(a.id(), a.county(), a.title(), a.projectId(),
                            a.enterprise().name(), a.enterprise().creditCode().value(), a.transformedOn().toString(),
                            a.outputValue().fen())));
        }
        if (step.equals(AchievementTransformation.WITHDRAW)) {
            return List.of(new PendingEvent(ProjectEvents.ACHIEVEMENT_TRANSFORMATION_WITHDRAWN, a.id(), a.county(),
                    new AchievementTransformationWithdrawn(a.id(), a.county(), a.withdrawal().reason(),
                            a.withdrawal().withdrawnOn().toString())));
        }
        throw new IllegalStateException("unknown step " + step);
    }
}
