package cn.chenzhou.plan.funding.specialfund.model;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.model.Recording;
import java.time.LocalDate;

/**
 * A change of a year's budget from one figure to another, with its reason.
 *
 * @param proposalId the approved proposal it carries out, for a budget above the plan's yearly figure; else null
 */
public record BudgetRevision(int line, Recording recorded, Money from, Money to, LocalDate revisedOn, String reason,
                             String proposalId) {

    ReviseBudget command() {
        return new ReviseBudget(to, revisedOn, reason);
    }
}
