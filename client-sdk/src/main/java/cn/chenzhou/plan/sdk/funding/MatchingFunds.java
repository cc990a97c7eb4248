package cn.chenzhou.plan.sdk.funding;

import cn.chenzhou.plan.contracts.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A county's matching funds (配套资金) for a year: what its government committed, and what finance saw paid. */
public record MatchingFunds(String county, int year, Money committed, Money paid, Money unpaid,
                            List<Entry> commitments, List<Entry> payments) {

    /** @param effectiveOn the date committed, or the date paid; {@code documentNo} the commitment document or voucher */
    public record Entry(String id, String county, int year, Money amount, LocalDate effectiveOn, String documentNo,
                        Instant recordedAt, String recordedBy) {
    }

    /** County portal, for its own county: a commitment of its own money. */
    public record Commit(String county, int year, Money amount, LocalDate committedOn, String documentNo) {
    }

    /** Finance: a payment seen on its voucher; 409 {@code over-payment} if more than committed and unpaid. */
    public record Pay(String county, int year, Money amount, LocalDate paidOn, String voucherNo) {
    }
}
