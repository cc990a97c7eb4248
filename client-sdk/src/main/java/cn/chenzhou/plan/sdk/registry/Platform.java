package cn.chenzhou.plan.sdk.registry;

import cn.chenzhou.plan.sdk.Level;
import java.time.LocalDate;
import java.util.List;

/**
 * A technology innovation platform (技术创新平台, T8a–c) of a county; it counts only while accredited, at the level of
 * its latest accreditation.
 *
 * @param status REGISTERED, ACCREDITED or REVOKED
 */
public record Platform(String id, String county, String countyName, String name, String type, Level level,
                       Organisation host, LocalDate registeredOn, String status, LocalDate statusSince,
                       List<Accreditation> accreditations, Revocation revocation, long version) {

    public record Accreditation(Level level, String accreditingBody, String documentNo, LocalDate accreditedOn) {
    }

    public record Revocation(String reason, LocalDate revokedOn) {
    }

    /**
     * County portal (own county) or plan office. The host needs its credit code; the same host, type and level
     * twice is 409 {@code duplicate-registration} with {@code existingId}.
     */
    public record Register(String county, String name, String type, Level level, Organisation host, LocalDate registeredOn) {
    }

    /** Plan office: accredit (认定) at a level; a later accreditation at another level supersedes. */
    public record Accredit(Level level, String accreditingBody, String documentNo, LocalDate accreditedOn) {
    }

    /** Plan office: revoke (撤销); stops counting from {@code revokedOn}. */
    public record Revoke(String reason, LocalDate revokedOn) {
    }

    /** A type of platform (reference data): e.g. {@code ENGINEERING_RESEARCH_CENTRE} 工程技术研究中心. */
    public record Type(String code, String name, String englishName) {
    }

    /** Plan office: rename a type; its code stays. */
    public record RenameType(String name, String englishName) {
    }
}
