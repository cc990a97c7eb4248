package cn.chenzhou.plan.contracts.registry;

/**
 * The enterprise established an R&D or achievement-application institution: T7 from establishedOn.
 *
 * @param enterpriseId enterprise id (the subject)
 * @param county GB/T 2260 county code
 * @param institutionName 
 * @param kind 
 * @param establishedOn 
 */
public record EnterpriseRdInstitutionEstablished(
        String enterpriseId,
        String county,
        String institutionName,
        String kind,
        String establishedOn) {
}
