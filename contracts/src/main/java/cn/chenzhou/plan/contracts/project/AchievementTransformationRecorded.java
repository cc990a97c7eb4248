package cn.chenzhou.plan.contracts.project;

/**
 * A key S&T achievement was transformed and applied (重点科技成果转化) in the county: counts toward T12 from transformedOn.
 *
 * @param achievementId achievement transformation record id (the subject)
 * @param county GB/T 2260 county code
 * @param title the achievement
 * @param projectId the project it came from, if any (optional: may be null)
 * @param enterpriseName enterprise applying it
 * @param enterpriseCreditCode 
 * @param transformedOn effective date
 * @param outputValueFen new output value reported, fen (0 if none yet)
 */
public record AchievementTransformationRecorded(
        String achievementId,
        String county,
        String title,
        String projectId,
        String enterpriseName,
        String enterpriseCreditCode,
        String transformedOn,
        long outputValueFen) {
}
