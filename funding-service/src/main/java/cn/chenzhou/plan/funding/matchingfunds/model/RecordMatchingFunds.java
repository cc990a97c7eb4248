package cn.chenzhou.plan.funding.matchingfunds.model;

import cn.chenzhou.plan.contracts.Money;
import java.time.LocalDate;

/** A commitment or a payment to record: how much, effective when, on which document or voucher. */
public record RecordMatchingFunds(Money amount, LocalDate effectiveOn, String documentNo) {
}
