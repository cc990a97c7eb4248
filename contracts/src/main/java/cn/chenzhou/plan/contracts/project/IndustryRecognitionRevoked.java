package cn.chenzhou.plan.contracts.project;

/**
 * The recognition was revoked; it stops counting from revokedOn.
 *
 * @param industryId characteristic industry id (the subject)
 * @param county GB/T 2260 county code
 * @param reason 
 * @param revokedOn 
 */
public record IndustryRecognitionRevoked(
        String industryId,
        String county,
        String reason,
        String revokedOn) {
}
