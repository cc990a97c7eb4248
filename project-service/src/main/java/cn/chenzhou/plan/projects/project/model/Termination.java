package cn.chenzhou.plan.projects.project.model;

import java.time.LocalDate;
import java.util.Objects;

/** Why and when the project was stopped before completion (终止). */
public record Termination(String reason, LocalDate terminatedOn) {
    public Termination {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(terminatedOn, "terminatedOn");
    }
}
