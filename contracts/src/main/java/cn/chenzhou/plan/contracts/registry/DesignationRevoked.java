package cn.chenzhou.plan.contracts.registry;

/**
 * A designation was revoked; it stops counting from revokedOn.
 *
 * @param designationId designation id (the subject)
 * @param county GB/T 2260 county code
 * @param kind 
 * @param reason 
 * @param revokedOn 
 */
public record DesignationRevoked(
        String designationId,
        String county,
        String kind,
        String reason,
        String revokedOn) {
}
