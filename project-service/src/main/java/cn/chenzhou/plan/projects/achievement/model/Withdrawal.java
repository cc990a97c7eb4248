package cn.chenzhou.plan.projects.achievement.model;

import java.time.LocalDate;
import java.util.Objects;

/** Why and when a transformation record stopped counting. */
public record Withdrawal(String reason, LocalDate withdrawnOn) {
    public Withdrawal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(withdrawnOn, "withdrawnOn");
    }
}
