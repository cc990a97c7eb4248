package cn.chenzhou.plan.funding.specialfund.model;

import cn.chenzhou.plan.contracts.Money;
import java.time.LocalDate;

/**
 * The command to pay out (拨付) money against an allocation.
 *
 * @param voucherNo the payment voucher (凭证号), if the officer has it
 */
public record Disburse(Money amount, LocalDate disbursedOn, String voucherNo) {
}
