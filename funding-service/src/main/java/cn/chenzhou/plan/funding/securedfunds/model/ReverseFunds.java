package cn.chenzhou.plan.funding.securedfunds.model;

import cn.chenzhou.plan.contracts.Money;
import java.time.LocalDate;

/** The command to correct a secured-funds entry by a reversing entry of (part of) its amount. */
public record ReverseFunds(Money amount, LocalDate reversedOn, String reason) {
}
