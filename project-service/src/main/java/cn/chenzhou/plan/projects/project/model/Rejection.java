package cn.chenzhou.plan.projects.project.model;

import java.time.LocalDate;
import java.util.Objects;

/** Why and when the project was not approved (不予立项). */
public record Rejection(String reason, LocalDate rejectedOn) {
    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rejectedOn, "rejectedOn");
    }
}
