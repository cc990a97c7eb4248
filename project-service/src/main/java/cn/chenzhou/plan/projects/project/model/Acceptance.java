package cn.chenzhou.plan.projects.project.model;

import java.time.LocalDate;
import java.util.Objects;

/** The acceptance (验收/结题) of a completed project: the conclusion and the result achieved. */
public record Acceptance(AcceptanceConclusion conclusion, String result, LocalDate acceptedOn) {
    public Acceptance {
        Objects.requireNonNull(conclusion, "conclusion");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(acceptedOn, "acceptedOn");
    }
}
