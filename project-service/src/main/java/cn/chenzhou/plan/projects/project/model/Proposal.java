package cn.chenzhou.plan.projects.project.model;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.projects.lifecycle.model.RuleViolationException;
import cn.chenzhou.plan.projects.programme.model.Level;
import java.util.Objects;

/**
 * What the county applies for (申报书): the part of a project the county writes, and may revise while the project is
 * a draft or has been returned for correction.
 */
public record Proposal(String title, String programme, Level level, Applicant applicant, Money requestedAmount,
                       ProjectPeriod period, Contact contact) {
    public Proposal {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(programme, "programme");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(requestedAmount, "requestedAmount");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(contact, "contact");
        if (!requestedAmount.isPositive()) {
            throw new RuleViolationException("requestedAmount", "must be more than zero");
        }
    }
}
