package cn.chenzhou.plan.contracts.registry;

import cn.chenzhou.plan.contracts.EventType;
import cn.chenzhou.plan.contracts.Topics;
import java.util.List;

/** Events of platform-registry-service, on {@link Topics#REGISTRY}, each keyed by its aggregate id. */
public final class RegistryEvents {
    public static final String SOURCE = "/platform-registry-service";

    public static final EventType PLATFORM_REGISTERED = EventType.of(Topics.REGISTRY, "platform.registered", 1, PlatformRegistered.class);
    public static final EventType PLATFORM_ACCREDITED = EventType.of(Topics.REGISTRY, "platform.accredited", 1, PlatformAccredited.class);
    public static final EventType PLATFORM_REVOKED = EventType.of(Topics.REGISTRY, "platform.revoked", 1, PlatformRevoked.class);
    public static final EventType DESIGNATION_APPLIED = EventType.of(Topics.REGISTRY, "designation.applied", 1, DesignationApplied.class);
    public static final EventType DESIGNATION_GRANTED = EventType.of(Topics.REGISTRY, "designation.granted", 1, DesignationGranted.class);
    public static final EventType DESIGNATION_REVOKED = EventType.of(Topics.REGISTRY, "designation.revoked", 1, DesignationRevoked.class);
    public static final EventType ALLIANCE_FORMED = EventType.of(Topics.REGISTRY, "alliance.formed", 1, AllianceFormed.class);
    public static final EventType ALLIANCE_MEMBER_JOINED = EventType.of(Topics.REGISTRY, "alliance.member-joined", 1, AllianceMemberJoined.class);
    public static final EventType ENTERPRISE_REGISTERED = EventType.of(Topics.REGISTRY, "enterprise.registered", 1, EnterpriseRegistered.class);
    public static final EventType ENTERPRISE_RECLASSIFIED = EventType.of(Topics.REGISTRY, "enterprise.reclassified", 1, EnterpriseReclassified.class);
    public static final EventType ENTERPRISE_RD_INSTITUTION_ESTABLISHED = EventType.of(Topics.REGISTRY, "enterprise.rd-institution-established", 1, EnterpriseRdInstitutionEstablished.class);
    public static final EventType ENTERPRISE_RD_INSTITUTION_CLOSED = EventType.of(Topics.REGISTRY, "enterprise.rd-institution-closed", 1, EnterpriseRdInstitutionClosed.class);
    public static final EventType ASSESSMENT_RECORDED = EventType.of(Topics.REGISTRY, "assessment.recorded", 1, AssessmentRecorded.class);

    public static final List<EventType> ALL = List.of(
            PLATFORM_REGISTERED,
            PLATFORM_ACCREDITED,
            PLATFORM_REVOKED,
            DESIGNATION_APPLIED,
            DESIGNATION_GRANTED,
            DESIGNATION_REVOKED,
            ALLIANCE_FORMED,
            ALLIANCE_MEMBER_JOINED,
            ENTERPRISE_REGISTERED,
            ENTERPRISE_RECLASSIFIED,
            ENTERPRISE_RD_INSTITUTION_ESTABLISHED,
            ENTERPRISE_RD_INSTITUTION_CLOSED,
            ASSESSMENT_RECORDED);

    private RegistryEvents() {
    }
}
