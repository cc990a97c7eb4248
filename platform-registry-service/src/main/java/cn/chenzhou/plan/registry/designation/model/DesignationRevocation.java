package cn.chenzhou.plan.registry.designation.model;

import java.time.LocalDate;
import java.util.Objects;

/** Why a designation was revoked, and from when it stops counting. */
public record DesignationRevocation(String reason, LocalDate revokedOn) {
    public DesignationRevocation {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(revokedOn, "revokedOn");
    }
}
