package cn.chenzhou.plan.sdk.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * An enterprise of a county, larger (较大企业) or not, and its R&D or achievement-application institutions (T7: at
 * least 85 % of a county's larger enterprises should have one open). Registered once per credit code.
 *
 * @param rdInstitution the open institution, or null
 */
public record Enterprise(String id, String county, String countyName, String name, String creditCode, boolean larger,
                         LocalDate registeredOn, LocalDate classifiedOn, RdInstitution rdInstitution,
                         List<RdInstitution> rdInstitutions, long version) {

    public enum RdInstitutionKind {
        /** 技术研发创新机构 */
        RD_CENTRE,
        /** 成果应用服务机构 */
        ACHIEVEMENT_APPLICATION_SERVICE
    }

    public record RdInstitution(String name, RdInstitutionKind kind, LocalDate establishedOn, LocalDate closedOn,
                                String closureReason) {
    }

    /** County portal (own county) or plan office; the same credit code twice is 409 {@code duplicate-registration}. */
    public record Register(String county, String name, String creditCode, boolean larger, LocalDate registeredOn) {
    }

    /** The enterprise became, or stopped being, a larger enterprise. */
    public record Reclassify(boolean larger, LocalDate effectiveOn) {
    }

    public record EstablishRdInstitution(String name, RdInstitutionKind kind, LocalDate establishedOn) {
    }

    public record CloseRdInstitution(String reason, LocalDate closedOn) {
    }
}
