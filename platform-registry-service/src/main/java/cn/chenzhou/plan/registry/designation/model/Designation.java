package cn.chenzhou.plan.registry.designation.model;

import cn.chenzhou.plan.registry.model.EffectiveDates;
import cn.chenzhou.plan.registry.model.Level;
import cn.chenzhou.plan.registry.model.Organisation;
import cn.chenzhou.plan.registry.model.Refusal;
import cn.chenzhou.plan.registry.model.RegistrationKeys;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A designation of a holder in a county: a sustainable-development zone, an S&T park or base, an achievement
 * demonstration county, a characteristic industry base, a certified high-tech enterprise, an IP pilot county, a
 * semiconductor-lighting demonstration unit or zone (T3–T6, T11, T14). The county applies, the plan office grants
 * (with the granting document) and may revoke. Counts only while granted, from its grant date.
 *
 * @param statusSince     effective date of the current status
 * @param registrationKey the key under which no other designation may exist while this one is in force: holder, kind, level
 */
public record Designation(
        String id,
        String county,
        DesignationKind kind,
        Level level,
        Organisation holder,
        LocalDate appliedOn,
        DesignationStatus status,
        Grant grant,
        DesignationRevocation revocation,
        LocalDate statusSince,
        String registrationKey) {

    public Designation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(appliedOn, "appliedOn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusSince, "statusSince");
        Objects.requireNonNull(registrationKey, "registrationKey");
    }

    /** What makes two designations the same: the same holder, kind and level. */
    public static String keyOf(String county, Organisation holder, DesignationKind kind, Level level) {
        return RegistrationKeys.of("designation", kind, level, holder.identity(county));
    }

    /** A county applies (申报) for a designation of a holder in the county. */
    public static Designation apply(String id, String county, DesignationKind kind, Level level, Organisation holder,
                                    LocalDate appliedOn, LocalDate today) {
        if (kind.holderNeedsCreditCode() && !holder.hasCreditCode()) {
            throw Refusal.invalid("holder.creditCode", "is required for a " + kind + " designation: its holder is an enterprise");
        }
        EffectiveDates.check("appliedOn", appliedOn, today);
        return new Designation(id, county, kind, level, holder, appliedOn, DesignationStatus.APPLIED, null, null,
                appliedOn, keyOf(county, holder, kind, level));
    }

    /** The plan office grants the designation: it counts from {@code grant.grantedOn()}. */
    public Designation grant(Grant grant, LocalDate today) {
        EffectiveDates.check("grantedOn", grant.grantedOn(), today);
        if (status == DesignationStatus.GRANTED) {
            throw Refusal.conflict("already-granted", "designation " + id + " was already granted on " + this.grant.grantedOn());
        }
        if (status == DesignationStatus.REVOKED) {
            throw Refusal.conflict("designation-revoked", "designation " + id + " was revoked on "
                    + revocation.revokedOn() + "; apply anew");
        }
        EffectiveDates.notBefore("grantedOn", grant.grantedOn(), appliedOn, "the application");
        return new Designation(id, county, kind, level, holder, appliedOn, DesignationStatus.GRANTED, grant, null,
                grant.grantedOn(), registrationKey);
    }

    /**
     * The plan office revokes the designation: it stops counting from {@code revocation.revokedOn()}. Revoking an
     * application never granted closes it. The key is given up, so the holder may apply anew.
     */
    public Designation revoke(DesignationRevocation revocation, LocalDate today) {
        EffectiveDates.check("revokedOn", revocation.revokedOn(), today);
        if (status == DesignationStatus.REVOKED) {
            throw Refusal.conflict("designation-revoked", "designation " + id + " was already revoked on "
                    + this.revocation.revokedOn());
        }
        if (grant != null) {
            EffectiveDates.notBefore("revokedOn", revocation.revokedOn(), grant.grantedOn(), "the grant");
        } else {
            EffectiveDates.notBefore("revokedOn", revocation.revokedOn(), appliedOn, "the application");
        }
        return new Designation(id, county, kind, level, holder, appliedOn, DesignationStatus.REVOKED, grant,
                revocation, revocation.revokedOn(), RegistrationKeys.retired(id));
    }
}
