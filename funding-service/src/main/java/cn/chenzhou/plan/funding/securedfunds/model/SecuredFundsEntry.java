package cn.chenzhou.plan.funding.securedfunds.model;

import cn.chenzhou.plan.contracts.Money;
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

    public SecuredFundsEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(securedOn, "securedOn");
    }

    public static SecuredFundsEntry secure(String id, SecureFunds command, Recording recording) {
        if (!command.amount().isPositive()) {
            throw Refusal.invalid("amount", "must be more than zero");
        }
        return new SecuredFundsEntry(id, command.county(), command.level(), command.programme(), command.projectId(),
                command.amount(), command.securedOn(), command.documentNo(), recording);
    }

    public SecureFunds command() {
        return new SecureFunds(county, level, programme, projectId, amount, securedOn, documentNo);
    }
}
