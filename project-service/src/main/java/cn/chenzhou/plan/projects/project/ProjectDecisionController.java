package cn.chenzhou.plan.projects.project;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.security.Allowed;
import cn.chenzhou.plan.chassis.security.Role;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.PositiveAmount;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.chassis.web.EffectiveDate;
import cn.chenzhou.plan.chassis.web.MultiLine;
import cn.chenzhou.plan.projects.project.model.Review;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The plan office's decisions on a submitted project: formal review, expert review, approval or rejection. ADMIN only. */
@RestController
@RequestMapping("/api/projects/{id}")
@Tag(name = "Projects: review and decision", description = "The plan office reviews submitted projects and approves or rejects them")
class ProjectDecisionController {
    private final ProjectCommands commands;

    ProjectDecisionController(ProjectCommands commands) {
        this.commands = commands;
    }

    enum FormalReviewOutcome { PASSED, RETURNED }

    record FormalReview(@NotNull @Min(1) Long version, @NotNull FormalReviewOutcome outcome,
                        @MultiLine @Size(max = 1000) String reason, @NotNull @EffectiveDate LocalDate reviewedOn) {
    }

    record ReviewBody(@NotBlank @Size(max = 50) String expert,
                      @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 1) BigDecimal score,
                      @NotBlank @MultiLine @Size(max = 2000) String opinion) {
    }

    record ExpertReviewBody(@NotNull @Min(1) Long version, @NotNull @Size(max = 25) List<@NotNull @Valid ReviewBody> reviews,
                            @NotNull @EffectiveDate LocalDate reviewedOn) {
    }

    record Approve(@NotNull @Min(1) Long version, @NotNull @PositiveAmount Money approvedAmount,
                   @NotBlank @Size(max = 50) String taskContractNo, @NotNull @EffectiveDate LocalDate approvedOn) {
    }

    record Reject(@NotNull @Min(1) Long version, @NotBlank @MultiLine @Size(max = 1000) String reason,
                  @NotNull @EffectiveDate LocalDate rejectedOn) {
    }

    @PostMapping("/formal-review")
    @Operation(summary = "Record the formal review (形式审查): passed, or returned for correction",
            description = "ADMIN. SUBMITTED → FORMAL_REVIEW_PASSED (event project.formal-review-passed) or → RETURNED "
                    + "with a reason (event project.returned); a returned project is revised and submitted again.")
    @Allowed(Role.ADMIN)
    ProjectView formalReview(@PathVariable String id, @Valid @RequestBody FormalReview request, Actor actor) {
        boolean hasReason = request.reason() != null && !request.reason().isBlank();
        if (request.outcome() == FormalReviewOutcome.RETURNED && !hasReason) {
            throw ApiException.invalidField("reason", "is required when the project is returned for correction");
        }
        if (request.outcome() == FormalReviewOutcome.PASSED && request.reason() != null) {
            throw ApiException.invalidField("reason", "is only given when the project is returned for correction");
        }
        return commands.change(id, request.version(), actor, p -> request.outcome() == FormalReviewOutcome.PASSED
                ? p.passFormalReview(commands.step(actor, request.reviewedOn()))
                : p.returnForCorrection(request.reason().strip(), commands.step(actor, request.reviewedOn())));
    }

    @PostMapping("/expert-review")
    @Operation(summary = "Record the expert review (专家评审): each expert's score (0–100) and opinion",
            description = "ADMIN. FORMAL_REVIEW_PASSED → EXPERT_REVIEWED. At least three experts, each once; the "
                    + "aggregate score is their mean. Event project.expert-reviewed.")
    @Allowed(Role.ADMIN)
    ProjectView expertReview(@PathVariable String id, @Valid @RequestBody ExpertReviewBody request, Actor actor) {
        List<Review> reviews = request.reviews().stream()
                .map(r -> new Review(r.expert().strip(), r.score().doubleValue(), r.opinion().strip())).toList();
        return commands.change(id, request.version(), actor,
                p -> p.recordExpertReview(reviews, commands.step(actor, request.reviewedOn())));
    }

    @PostMapping("/approve")
    @Operation(summary = "Approve a project (立项) with the approved amount and the task-contract number",
            description = "ADMIN. EXPERT_REVIEWED → APPROVED. The approved amount may not exceed the requested one. "
                    + "Event project.approved.")
    @Allowed(Role.ADMIN)
    ProjectView approve(@PathVariable String id, @Valid @RequestBody Approve request, Actor actor) {
        return commands.change(id, request.version(), actor, p -> p.approve(request.approvedAmount(),
                request.taskContractNo().strip(), commands.step(actor, request.approvedOn())));
    }

    @PostMapping("/reject")
    @Operation(summary = "Reject a project (不予立项) with a reason",
            description = "ADMIN. EXPERT_REVIEWED → REJECTED (final). Event project.rejected.")
    @Allowed(Role.ADMIN)
    ProjectView reject(@PathVariable String id, @Valid @RequestBody Reject request, Actor actor) {
        return commands.change(id, request.version(), actor,
                p -> p.reject(request.reason().strip(), commands.step(actor, request.rejectedOn())));
    }
}
