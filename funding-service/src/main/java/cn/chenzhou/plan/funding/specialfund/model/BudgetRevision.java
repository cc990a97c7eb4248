package cn.chenzhou.plan.funding.specialfund.model;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.model.Recording;
import java.time.LocalDate;

/** A change of a year's budget from one figure to another, with its reason. */
public record BudgetRevision(int line, Recording recorded, Money from, Money to, LocalDate revisedOn, String reason) {

    ReviseBudget command() {
        return new ReviseBudget(to, revisedOn, reason);
    }
}
