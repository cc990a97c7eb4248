package cn.chenzhou.plan.contracts.registry;

/**
 * The enterprise's R&D institution closed; it stops counting from closedOn.
 *
 * @param enterpriseId enterprise id (the subject)
 * @param county GB/T 2260 county code
 * @param reason 
 * @param closedOn 
 */
public record EnterpriseRdInstitutionClosed(
        String enterpriseId,
        String county,
        String reason,
        String closedOn) {
}
