package cn.chenzhou.plan.contracts.registry;

/**
 * The accreditation was revoked (撤销); the platform stops counting from revokedOn.
 *
 * @param platformId platform id (the subject)
 * @param county GB/T 2260 county code
 * @param reason 
 * @param revokedOn 
 */
public record PlatformRevoked(
        String platformId,
        String county,
        String reason,
        String revokedOn) {
}
