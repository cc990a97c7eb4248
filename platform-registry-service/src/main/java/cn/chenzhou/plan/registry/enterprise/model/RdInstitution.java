package cn.chenzhou.plan.registry.enterprise.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An R&D or achievement-application institution of an enterprise: open from {@code establishedOn}, closed from
 * {@code closedOn} (null while open).
 */
public record RdInstitution(String name, RdInstitutionKind kind, LocalDate establishedOn, LocalDate closedOn,
                            String closureReason) {
    public RdInstitution {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(establishedOn, "establishedOn");
    }

    public boolean isOpen() {
        return closedOn == null;
    }
}
