package cn.chenzhou.plan.sdk.projects;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.sdk.Level;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The commands on a project, one record each, as project-service takes them. Every command after the draft sends the
 * {@code version} the caller read (a 409 {@code stale-version} if someone changed the project since).
 */
public final class ProjectRequests {
    private ProjectRequests() {
    }

    /** The applicant organisation (申报单位) and its unified social credit code. */
    public record Applicant(String name, String creditCode) {
    }

    /** The period the work is planned for, both days included. */
    public record Period(LocalDate start, LocalDate end) {
    }

    /** The applicant's contact person; e-mail is optional. */
    public record Contact(String name, String phone, String email) {
        public Contact(String name, String phone) {
            this(name, phone, null);
        }
    }

    /** County portal, for its own county: a new project as DRAFT. */
    public record DraftProject(String county, String title, String programme, Level level, Applicant applicant,
                               Money requestedAmount, Period period, Contact contact, LocalDate draftedOn) {
    }

    /** County portal: a new version of the application of a DRAFT or RETURNED project. */
    public record ReviseProject(long version, String title, String programme, Level level, Applicant applicant,
                                Money requestedAmount, Period period, Contact contact, LocalDate revisedOn) {
    }

    /** County portal: DRAFT or RETURNED → SUBMITTED (申报). */
    public record SubmitProject(long version, LocalDate submittedOn) {
    }

    public enum FormalReviewOutcome { PASSED, RETURNED }

    /** Plan office: SUBMITTED → FORMAL_REVIEW_PASSED, or → RETURNED with a reason (形式审查). */
    public record RecordFormalReview(long version, FormalReviewOutcome outcome, String reason, LocalDate reviewedOn) {
        public static RecordFormalReview passed(long version, LocalDate on) {
            return new RecordFormalReview(version, FormalReviewOutcome.PASSED, null, on);
        }

        public static RecordFormalReview returned(long version, String reason, LocalDate on) {
            return new RecordFormalReview(version, FormalReviewOutcome.RETURNED, reason, on);
        }
    }

    /** One expert's score (0–100, one decimal) and opinion. */
    public record ExpertScore(String expert, BigDecimal score, String opinion) {
    }

    /** Plan office: FORMAL_REVIEW_PASSED → EXPERT_REVIEWED; at least three experts (专家评审). */
    public record RecordExpertReview(long version, List<ExpertScore> reviews, LocalDate reviewedOn) {
    }

    /** Plan office: EXPERT_REVIEWED → APPROVED with the amount (≤ requested) and the task contract (立项). */
    public record ApproveProject(long version, Money approvedAmount, String taskContractNo, LocalDate approvedOn) {
    }

    /** Plan office: EXPERT_REVIEWED → REJECTED (不予立项). */
    public record RejectProject(long version, String reason, LocalDate rejectedOn) {
    }

    /** Plan office: APPROVED → IN_PROGRESS. */
    public record StartProject(long version, LocalDate startedOn) {
    }

    public enum MidtermResult { SATISFACTORY, NEEDS_IMPROVEMENT, UNSATISFACTORY }

    /** Plan office: a mid-term check of a project IN_PROGRESS (中期检查); the opinion is optional. */
    public record RecordMidtermCheck(long version, MidtermResult result, String opinion, LocalDate checkedOn) {
    }

    public enum AcceptanceConclusion { PASSED, PASSED_WITH_CONDITIONS }

    /** Plan office: IN_PROGRESS → ACCEPTED (验收/结题). */
    public record AcceptProject(long version, AcceptanceConclusion conclusion, String result, LocalDate acceptedOn) {
    }

    /** Plan office: APPROVED or IN_PROGRESS → TERMINATED (终止). */
    public record TerminateProject(long version, String reason, LocalDate terminatedOn) {
    }

    /** Plan office: a programme (专项/计划) for the catalogue; its code is permanent. */
    public record NewProgramme(String code, String chineseName, String englishName, Level level) {
    }
}
