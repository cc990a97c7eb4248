package cn.chenzhou.plan.registry.enterprise.model;

import cn.chenzhou.plan.contracts.CreditCode;
import cn.chenzhou.plan.registry.model.EffectiveDates;
import cn.chenzhou.plan.registry.model.Names;
import cn.chenzhou.plan.registry.model.Refusal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An enterprise of a county, and whether it is a larger enterprise (较大企业) with an R&D or achievement-application
 * institution (T7: at least 85 % of a county's larger enterprises should have one). An enterprise is registered once:
 * its id is derived from its unified social credit code.
 *
 * @param classifiedOn  effective date of its current classification (registration or latest reclassification)
 * @param rdInstitutions every institution, oldest first; at most the last one is open
 */
public record Enterprise(
        String id,
        String county,
        String name,
        CreditCode creditCode,
        boolean larger,
        LocalDate registeredOn,
        LocalDate classifiedOn,
        List<RdInstitution> rdInstitutions) {

    public Enterprise {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(creditCode, "creditCode");
        Objects.requireNonNull(registeredOn, "registeredOn");
        Objects.requireNonNull(classifiedOn, "classifiedOn");
        rdInstitutions = rdInstitutions == null ? List.of() : List.copyOf(rdInstitutions);
    }

    /** The id of the enterprise with this credit code: one registration per enterprise, whoever races to register it. */
    public static String idOf(CreditCode creditCode) {
        return "ent-" + creditCode.value();
    }

    public static Enterprise register(String county, String name, CreditCode creditCode, boolean larger,
                                      LocalDate registeredOn, LocalDate today) {
        EffectiveDates.check("registeredOn", registeredOn, today);
        return new Enterprise(idOf(creditCode), county, Names.normalise(name), creditCode, larger, registeredOn,
                registeredOn, List.of());
    }

    /** The enterprise became, or stopped being, a larger enterprise from {@code effectiveOn}. */
    public Enterprise reclassify(boolean larger, LocalDate effectiveOn, LocalDate today) {
        EffectiveDates.check("effectiveOn", effectiveOn, today);
        if (larger == this.larger) {
            throw Refusal.conflict("no-change", "enterprise " + id + (larger ? " is already" : " is already not")
                    + " a larger enterprise (since " + classifiedOn + ")");
        }
        EffectiveDates.notBefore("effectiveOn", effectiveOn, classifiedOn, "its current classification");
        return new Enterprise(id, county, name, creditCode, larger, registeredOn, effectiveOn, rdInstitutions);
    }

    /** The enterprise established an R&D or achievement-application institution; one may be open at a time. */
    public Enterprise establishRdInstitution(String institutionName, RdInstitutionKind kind, LocalDate establishedOn,
                                             LocalDate today) {
        EffectiveDates.check("establishedOn", establishedOn, today);
        RdInstitution open = openRdInstitution();
        if (open != null) {
            throw Refusal.conflict("rd-institution-open", "enterprise " + id + " already has an open institution, "
                    + open.name() + " (since " + open.establishedOn() + "); close it first");
        }
        EffectiveDates.notBefore("establishedOn", establishedOn, registeredOn, "the enterprise's registration");
        if (!rdInstitutions.isEmpty()) {
            RdInstitution last = rdInstitutions.get(rdInstitutions.size() - 1);
            EffectiveDates.notBefore("establishedOn", establishedOn, last.closedOn(), "the closure of the previous institution");
        }
        List<RdInstitution> all = new ArrayList<>(rdInstitutions);
        all.add(new RdInstitution(Names.normalise(institutionName), kind, establishedOn, null, null));
        return new Enterprise(id, county, name, creditCode, larger, registeredOn, classifiedOn, all);
    }

    /** The open institution closed; it stops counting from {@code closedOn}. */
    public Enterprise closeRdInstitution(String reason, LocalDate closedOn, LocalDate today) {
        EffectiveDates.check("closedOn", closedOn, today);
        RdInstitution open = openRdInstitution();
        if (open == null) {
            throw Refusal.conflict("no-open-rd-institution", "enterprise " + id + " has no open R&D institution");
        }
        EffectiveDates.notBefore("closedOn", closedOn, open.establishedOn(), "the institution's establishment");
        List<RdInstitution> all = new ArrayList<>(rdInstitutions);
        all.set(all.size() - 1, new RdInstitution(open.name(), open.kind(), open.establishedOn(), closedOn, reason));
        return new Enterprise(id, county, name, creditCode, larger, registeredOn, classifiedOn, all);
    }

    /** The institution open now, or null. */
    public RdInstitution openRdInstitution() {
        if (rdInstitutions.isEmpty()) {
            return null;
        }
        RdInstitution last = rdInstitutions.get(rdInstitutions.size() - 1);
        return last.isOpen() ? last : null;
    }
}
