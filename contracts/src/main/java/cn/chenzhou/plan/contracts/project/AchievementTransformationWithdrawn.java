package cn.chenzhou.plan.contracts.project;

/**
 * A transformation record was withdrawn; it stops counting from withdrawnOn.
 *
 * @param achievementId achievement transformation record id (the subject)
 * @param county GB/T 2260 county code
 * @param reason 
 * @param withdrawnOn 
 */
public record AchievementTransformationWithdrawn(
        String achievementId,
        String county,
        String reason,
        String withdrawnOn) {
}
