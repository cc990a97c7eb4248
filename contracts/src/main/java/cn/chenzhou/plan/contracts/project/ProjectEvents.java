package cn.chenzhou.plan.contracts.project;

import cn.chenzhou.plan.contracts.EventType;
import cn.chenzhou.plan.contracts.Topics;
import java.util.List;

/** Events of project-service, on {@link Topics#PROJECTS}, each keyed by its aggregate id. */
public final class ProjectEvents {
    public static final String SOURCE = "/project-service";

    public static final EventType DRAFTED = EventType.of(Topics.PROJECTS, "project.drafted", 1, ProjectDrafted.class);
    public static final EventType REVISED = EventType.of(Topics.PROJECTS, "project.revised", 1, ProjectRevised.class);
    public static final EventType SUBMITTED = EventType.of(Topics.PROJECTS, "project.submitted", 1, ProjectSubmitted.class);
    public static final EventType RETURNED = EventType.of(Topics.PROJECTS, "project.returned", 1, ProjectReturned.class);
    public static final EventType FORMAL_REVIEW_PASSED = EventType.of(Topics.PROJECTS, "project.formal-review-passed", 1, ProjectFormalReviewPassed.class);
    public static final EventType EXPERT_REVIEWED = EventType.of(Topics.PROJECTS, "project.expert-reviewed", 1, ProjectExpertReviewed.class);
    public static final EventType APPROVED = EventType.of(Topics.PROJECTS, "project.approved", 1, ProjectApproved.class);
    public static final EventType REJECTED = EventType.of(Topics.PROJECTS, "project.rejected", 1, ProjectRejected.class);
    public static final EventType STARTED = EventType.of(Topics.PROJECTS, "project.started", 1, ProjectStarted.class);
    public static final EventType MIDTERM_CHECKED = EventType.of(Topics.PROJECTS, "project.midterm-checked", 1, ProjectMidtermChecked.class);
    public static final EventType ACCEPTED = EventType.of(Topics.PROJECTS, "project.accepted", 1, ProjectAccepted.class);
    public static final EventType TERMINATED = EventType.of(Topics.PROJECTS, "project.terminated", 1, ProjectTerminated.class);
    public static final EventType ACHIEVEMENT_TRANSFORMATION_RECORDED = EventType.of(Topics.PROJECTS, "achievement.transformation-recorded", 1, AchievementTransformationRecorded.class);
    public static final EventType ACHIEVEMENT_TRANSFORMATION_WITHDRAWN = EventType.of(Topics.PROJECTS, "achievement.transformation-withdrawn", 1, AchievementTransformationWithdrawn.class);
    public static final EventType INDUSTRY_REGISTERED = EventType.of(Topics.PROJECTS, "industry.registered", 1, IndustryRegistered.class);
    public static final EventType INDUSTRY_DRIVERS_CHANGED = EventType.of(Topics.PROJECTS, "industry.drivers-changed", 1, IndustryDriversChanged.class);
    public static final EventType INDUSTRY_RECOGNISED = EventType.of(Topics.PROJECTS, "industry.recognised", 1, IndustryRecognised.class);
    public static final EventType INDUSTRY_RECOGNITION_REVOKED = EventType.of(Topics.PROJECTS, "industry.recognition-revoked", 1, IndustryRecognitionRevoked.class);

    public static final List<EventType> ALL = List.of(
            DRAFTED,
            REVISED,
            SUBMITTED,
            RETURNED,
            FORMAL_REVIEW_PASSED,
            EXPERT_REVIEWED,
            APPROVED,
            REJECTED,
            STARTED,
            MIDTERM_CHECKED,
            ACCEPTED,
            TERMINATED,
            ACHIEVEMENT_TRANSFORMATION_RECORDED,
            ACHIEVEMENT_TRANSFORMATION_WITHDRAWN,
            INDUSTRY_REGISTERED,
            INDUSTRY_DRIVERS_CHANGED,
            INDUSTRY_RECOGNISED,
            INDUSTRY_RECOGNITION_REVOKED);

    private ProjectEvents() {
    }
}
