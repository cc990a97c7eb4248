package cn.chenzhou.plan.projects.achievement;

import cn.chenzhou.plan.projects.achievement.model.AchievementStatus;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What other features of project-service may know about a transformation record (industries link to them). */
@Component
public class Achievements {
    private final AchievementStore store;

    Achievements(AchievementStore store) {
        this.store = store;
    }

    public record AchievementRef(String id, String county, AchievementStatus status) {
    }

    public Optional<AchievementRef> find(String id) {
        return store.find(id).map(v -> new AchievementRef(v.id(), v.state().county(), v.state().status()));
    }
}
