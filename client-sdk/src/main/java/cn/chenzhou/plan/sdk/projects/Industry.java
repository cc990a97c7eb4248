package cn.chenzhou.plan.sdk.projects;

import cn.chenzhou.plan.sdk.projects.Project.HistoryEntry;
import java.time.LocalDate;
import java.util.List;

/**
 * A characteristic industry (特色产业, T13) a county cultivates through S&T, with the approved projects and achievement
 * transformations that drive it; it counts once the plan office recognises it.
 *
 * @param status REGISTERED, RECOGNISED or RECOGNITION_REVOKED
 */
public record Industry(String id, String county, String countyName, String name, String description,
                       List<String> projectIds, List<String> achievementIds, LocalDate registeredOn, String status,
                       Recognition recognition, Revocation revocation, List<String> allowedTransitions,
                       List<HistoryEntry> history, long version) {

    public record Recognition(String documentNo, LocalDate recognisedOn) {
    }

    public record Revocation(String reason, LocalDate revokedOn) {
    }

    /** County portal (own county) or plan office; one industry of a name per county (409 {@code already-exists} with its id). */
    public record RegisterIndustry(String county, String name, String description, LocalDate registeredOn) {
    }

    /** The complete set of drivers: ids left out are unlinked. */
    public record ChangeDrivers(long version, List<String> projectIds, List<String> achievementIds, LocalDate changedOn) {
    }

    /** Plan office: recognised as cultivated through S&T (认定), by a document. */
    public record Recognise(long version, String documentNo, LocalDate recognisedOn) {
    }

    /** Plan office: the recognition revoked; stops counting from {@code revokedOn}. */
    public record RevokeRecognition(long version, String reason, LocalDate revokedOn) {
    }
}
