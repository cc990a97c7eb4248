package cn.chenzhou.plan.registry.designation.model;

import java.time.LocalDate;
import java.util.Objects;

/** The grant of a designation: the granting document and the date it counts from. */
public record Grant(String documentNo, LocalDate grantedOn) {
    public Grant {
        Objects.requireNonNull(documentNo, "documentNo");
        Objects.requireNonNull(grantedOn, "grantedOn");
    }
}
