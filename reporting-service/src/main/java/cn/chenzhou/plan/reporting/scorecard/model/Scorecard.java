package cn.chenzhou.plan.reporting.scorecard.model;

import cn.chenzhou.plan.reporting.plan.model.PlanDefinition;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Every target of a plan as of a date. */
public record Scorecard(PlanDefinition plan, LocalDate asOf, List<TargetResult> targets) {
    public Optional<TargetResult> target(String id) {
        return targets.stream().filter(t -> t.target().id().equals(id)).findFirst();
    }
}
