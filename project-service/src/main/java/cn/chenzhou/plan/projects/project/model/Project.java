package cn.chenzhou.plan.projects.project.model;

import cn.chenzhou.plan.contracts.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An S&T project (科技项目) of a county. Plain Java: no framework, no persistence concerns.
 */
public record Project(
        String id,
        String county,
        String title,
        String programme,
        Level level,
        Applicant applicant,
        Money requestedAmount,
        LocalDate submittedOn,
        ProjectStatus status) {

    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(status, "status");
    }

    /** A county submits (申报) a new project. */
    public static Project submit(String id, String county, String title, String programme, Level level,
                                 Applicant applicant, Money requestedAmount, LocalDate submittedOn) {
        if (!requestedAmount.isPositive()) {
            throw new IllegalArgumentException("requested amount must be positive");
        }
        return new Project(id, county, title, programme, level, applicant, requestedAmount, submittedOn,
                ProjectStatus.SUBMITTED);
    }
}
