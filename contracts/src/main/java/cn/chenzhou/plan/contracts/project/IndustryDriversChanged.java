package cn.chenzhou.plan.contracts.project;

import java.util.List;

/**
 * The projects and achievement transformations that drive a characteristic industry (特色产业) changed.
 * Carries the complete set after the change, so a reader simply replaces what it had.
 *
 * @param industryId characteristic industry id (the subject)
 * @param county GB/T 2260 county code
 * @param projectIds every project now driving the industry (may be empty)
 * @param achievementIds every achievement transformation record now driving the industry (may be empty)
 * @param changedOn 
 */
public record IndustryDriversChanged(
        String industryId,
        String county,
        List<String> projectIds,
        List<String> achievementIds,
        String changedOn) {
}
