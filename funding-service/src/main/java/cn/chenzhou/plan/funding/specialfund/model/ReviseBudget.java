package cn.chenzhou.plan.funding.specialfund.model;

import cn.chenzhou.plan.contracts.Money;
import java.time.LocalDate;

/** The command to set a year's budget to a new figure. */
public record ReviseBudget(Money budget, LocalDate revisedOn, String reason) {
}
