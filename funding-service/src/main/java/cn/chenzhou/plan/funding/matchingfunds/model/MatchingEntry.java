package cn.chenzhou.plan.funding.matchingfunds.model;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.model.Recording;
import java.time.LocalDate;

/**
 * One commitment or one payment of matching funds.
 *
 * @param effectiveOn the date committed, or the date paid
 * @param documentNo  the county's commitment document, or the payment voucher
 */
public record MatchingEntry(String id, Money amount, LocalDate effectiveOn, String documentNo, Recording recorded) {

    RecordMatchingFunds command() {
        return new RecordMatchingFunds(amount, effectiveOn, documentNo);
    }
}
