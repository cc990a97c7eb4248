package cn.chenzhou.plan.projects.industry.model;

import java.time.LocalDate;
import java.util.Objects;

/** Why and when a recognition was revoked (撤销认定). */
public record Revocation(String reason, LocalDate revokedOn) {
    public Revocation {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(revokedOn, "revokedOn");
    }
}
