package cn.chenzhou.plan.projects.project.model;

import java.time.LocalDate;
import java.util.Objects;

/** A mid-term check (中期检查) of a project in progress; the opinion is optional. */
public record MidtermCheck(MidtermResult result, String opinion, LocalDate checkedOn) {
    public MidtermCheck {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(checkedOn, "checkedOn");
    }
}
