package cn.chenzhou.plan.funding.securedfunds.model;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.model.Ceiling;
import cn.chenzhou.plan.funding.command.model.Recording;
import cn.chenzhou.plan.funding.command.model.Refusal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * National or provincial S&T funds secured (争取国家、省科技投入资金, F1). An entry is never edited: a mistake is
 * corrected by a {@link ReversingEntry}, so the record of what was reported, and when, stays whole.
 */
public record SecuredFundsEntry(String id, String county, Level level, String programme, String projectId,
                                Money amount, LocalDate securedOn, String documentNo, Recording recorded) {

    /**
     * The most one entry may be: ¥1,000,000,000. No single national or provincial S&T grant to a county-level
     * project comes near it (the plan's target for all of them over three years is ¥150,000,000).
     */
    public static final Ceiling ENTRY_CEILING = new Ceiling("one secured-funds entry", Money.ofYuan(1_000_000_000));
    /**
     * The most that may be recorded as secured in one calendar year, city-wide, before reversals: ¥10,000,000,000,
     * two hundred times the plan's yearly pace. Reversals do not make room: they correct entries, which stay counted.
     */
    public static final Money YEAR_CEILING = Money.ofYuan(10_000_000_000L);

    public SecuredFundsEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(securedOn, "securedOn");
    }

    public static SecuredFundsEntry secure(String id, SecureFunds command, Recording recording) {
        if (!command.amount().isPositive()) {
            throw Refusal.invalid("amount", "must be more than zero");
        }
        ENTRY_CEILING.entry("amount", command.amount());
        return new SecuredFundsEntry(id, command.county(), command.level(), command.programme(), command.projectId(),
                command.amount(), command.securedOn(), command.documentNo(), recording);
    }

    /** Refuses an entry that would take what was secured in its year ({@code securedThatYear}, gross) past the year's ceiling. */
    public void requireRoomIn(Money securedThatYear) {
        new Ceiling("the funds secured in " + securedOn.getYear(), YEAR_CEILING).total("amount", securedThatYear, amount);
    }

    public SecureFunds command() {
        return new SecureFunds(county, level, programme, projectId, amount, securedOn, documentNo);
    }
}
