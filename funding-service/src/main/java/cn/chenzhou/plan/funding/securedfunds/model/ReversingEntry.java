package cn.chenzhou.plan.funding.securedfunds.model;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.model.Recording;
import java.time.LocalDate;

/**
 * A correction (冲正): cancels {@code amount} of an earlier secured-funds entry from {@code reversedOn}.
 * The n-th reversing entry of entry E has the id {@code E-R<n>}.
 */
public record ReversingEntry(String id, String reversedEntryId, int number, String county, Money amount,
                             LocalDate reversedOn, String reason, Recording recorded) {

    public static String idOf(String reversedEntryId, int number) {
        return reversedEntryId + "-R" + number;
    }

    ReverseFunds command() {
        return new ReverseFunds(amount, reversedOn, reason);
    }
}
