package cn.chenzhou.plan.registry.platform.model;

import java.time.LocalDate;
import java.util.Objects;

/** The revocation (撤销) of a platform: why, and from when it stops counting. */
public record Revocation(String reason, LocalDate revokedOn) {
    public Revocation {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(revokedOn, "revokedOn");
    }
}
