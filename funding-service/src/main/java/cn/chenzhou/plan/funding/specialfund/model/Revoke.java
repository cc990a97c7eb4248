package cn.chenzhou.plan.funding.specialfund.model;

import java.time.LocalDate;

/** The command to revoke an allocation (收回). */
public record Revoke(LocalDate revokedOn, String reason) {
}
