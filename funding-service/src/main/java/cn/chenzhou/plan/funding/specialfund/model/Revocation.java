package cn.chenzhou.plan.funding.specialfund.model;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.model.Recording;
import java.time.LocalDate;

/**
 * An allocation revoked (收回): the undisbursed part ({@code released}) returns to the year's budget; what had
 * been paid out is clawed back ({@code clawedBack}) — recovered from the beneficiary to the treasury, not to the
 * year's budget (re-using it takes a budget revision).
 */
public record Revocation(int line, Recording recorded, LocalDate revokedOn, String reason, Money released,
                         Money clawedBack) {

    Revoke command() {
        return new Revoke(revokedOn, reason);
    }
}
