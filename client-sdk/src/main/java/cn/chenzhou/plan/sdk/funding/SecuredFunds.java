package cn.chenzhou.plan.sdk.funding;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.sdk.Level;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * National and provincial S&T funds secured (争取国家、省科技投入资金, F1): an entry is never edited; a mistake is
 * corrected by a reversing entry.
 *
 * @param net what still counts: amount − reversed
 */
public record SecuredFunds(String id, String county, Level level, String programme, String projectId, Money amount,
                           Money reversed, Money net, LocalDate securedOn, String documentNo, Instant recordedAt,
                           String recordedBy, List<Reversal> reversals) {

    /** Finance: record funds secured for a county (or 431000 for the city itself); level NATIONAL or PROVINCIAL. */
    public record Secure(String county, Level level, String programme, String projectId, Money amount,
                         LocalDate securedOn, String documentNo) {
    }

    /** Finance: reverse (冲正) part or all of what remains of an entry; 409 {@code over-reversal} otherwise. */
    public record Reverse(Money amount, LocalDate reversedOn, String reason) {
    }

    public record Reversal(String id, String reversedEntryId, int number, String county, Money amount,
                           LocalDate reversedOn, String reason, Instant recordedAt, String recordedBy) {
    }

    /**
     * Progress toward the target (¥150,000,000 over 2012–2014) as of a date. A county portal's {@code byCounty}
     * shows its own county only.
     */
    public record Progress(Money target, LocalDate periodStart, LocalDate periodEnd, LocalDate asOf, Money secured,
                           Money reversed, Money net, String percentOfTarget, Money toGo, Map<String, Money> byLevel,
                           Map<String, Money> byYear, Map<String, Money> byCounty, int entries) {
    }
}
