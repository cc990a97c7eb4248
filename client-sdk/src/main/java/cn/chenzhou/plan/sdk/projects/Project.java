package cn.chenzhou.plan.sdk.projects;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.sdk.Level;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.AcceptanceConclusion;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.Applicant;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.Contact;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.MidtermResult;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.Period;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A project as the platform shows it, with the {@code version} to send back with the next command and the steps
 * allowed now. A county portal sees the experts numbered, not named.
 */
public record Project(String id, String county, String countyName, String title, String programme, Level level,
                      Applicant applicant, Money requestedAmount, Period period, Contact contact, ProjectStatus status,
                      int year, LocalDate draftedOn, LocalDate submittedOn, Return lastReturn, ExpertReview expertReview,
                      Approval approval, Rejection rejection, LocalDate startedOn, List<MidtermCheck> midtermChecks,
                      Acceptance acceptance, Termination termination, List<String> allowedTransitions, long version) {

    public record Return(String reason, LocalDate returnedOn) {
    }

    public record Review(String expert, BigDecimal score, String opinion) {
    }

    public record ExpertReview(List<Review> reviews, BigDecimal aggregateScore, LocalDate reviewedOn) {
    }

    public record Approval(Money approvedAmount, String taskContractNo, LocalDate approvedOn) {
    }

    public record Rejection(String reason, LocalDate rejectedOn) {
    }

    public record MidtermCheck(MidtermResult result, String opinion, LocalDate checkedOn) {
    }

    public record Acceptance(AcceptanceConclusion conclusion, String result, LocalDate acceptedOn) {
    }

    public record Termination(String reason, LocalDate terminatedOn) {
    }

    /** A line of a project list. */
    public record Summary(String id, String county, String title, String programme, Level level, String applicantName,
                          Money requestedAmount, Money approvedAmount, ProjectStatus status, int year,
                          LocalDate draftedOn, LocalDate submittedOn, long version) {
    }

    /** One step of a project's (or achievement's, industry's) life: what, from and to which status, who, when, effective when. */
    public record HistoryEntry(String action, String fromStatus, String toStatus, String actor, Instant recordedAt,
                               LocalDate effectiveOn, String note) {
    }

    /** Every step of a project's life. */
    public record History(String projectId, ProjectStatus status, long version, List<HistoryEntry> entries) {
    }

    /** A programme of the catalogue. */
    public record Programme(String code, String chineseName, String englishName, Level level) {
    }
}
