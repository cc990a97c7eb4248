package cn.chenzhou.plan.projects.project.model;

import cn.chenzhou.plan.projects.lifecycle.model.RuleViolationException;
import java.time.LocalDate;
import java.util.Objects;

/** The period the project's work is planned for (项目实施期限), both days included. */
public record ProjectPeriod(LocalDate start, LocalDate end) {
    public ProjectPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new RuleViolationException("period.end", "must not be before period.start (" + start + ")");
        }
    }
}
