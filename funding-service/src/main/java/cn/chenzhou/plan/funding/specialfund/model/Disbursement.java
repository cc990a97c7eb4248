package cn.chenzhou.plan.funding.specialfund.model;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.model.Recording;
import java.time.LocalDate;

/** Money paid out (拨付) against an allocation; {@code line} is its place in the year's ledger. */
public record Disbursement(String id, int line, Recording recorded, Money amount, LocalDate disbursedOn,
                           String voucherNo) {

    Disburse command() {
        return new Disburse(amount, disbursedOn, voucherNo);
    }
}
