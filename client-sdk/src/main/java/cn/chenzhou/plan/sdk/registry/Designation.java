package cn.chenzhou.plan.sdk.registry;

import cn.chenzhou.plan.sdk.Level;
import java.time.LocalDate;

/**
 * A designation of a holder in a county (T3–T6, T11, T14): it counts only while granted, from its grant date.
 *
 * @param status APPLIED, GRANTED or REVOKED
 */
public record Designation(String id, String county, String countyName, Kind kind, Level level, Organisation holder,
                          LocalDate appliedOn, String status, LocalDate statusSince, Grant grant, Revocation revocation,
                          long version) {

    public enum Kind {
        /** 可持续发展实验区（示范区）, T3 */
        SUSTAINABLE_DEVELOPMENT_ZONE,
        /** 科技园区（基地）, T4 */
        SCIENCE_PARK,
        /** 科技成果示范县, T5: the holder is the county */
        ACHIEVEMENT_DEMONSTRATION_COUNTY,
        /** 特色产业基地, T6 */
        CHARACTERISTIC_INDUSTRY_BASE,
        /** 高新技术企业, T11: the holder is an enterprise with its credit code */
        HIGH_TECH_ENTERPRISE,
        /** 知识产权试点县: the holder is the county */
        IP_PILOT_COUNTY,
        /** 半导体照明示范单位, T14 */
        LIGHTING_DEMONSTRATION_UNIT,
        /** 半导体照明示范区（示范带）, T14: one per county */
        LIGHTING_DEMONSTRATION_ZONE
    }

    public record Grant(String documentNo, LocalDate grantedOn) {
    }

    public record Revocation(String reason, LocalDate revokedOn) {
    }

    /**
     * County portal (own county) or plan office applies; only the plan office may include the grant (to record a
     * designation already granted).
     */
    public record Apply(String county, Kind kind, Level level, Organisation holder, LocalDate appliedOn, Grant grant) {
    }

    /** Plan office: revoke a designation, or close an application never granted. */
    public record Revoke(String reason, LocalDate revokedOn) {
    }
}
