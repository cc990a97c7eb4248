package cn.chenzhou.plan.projects.project;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.security.Allowed;
import cn.chenzhou.plan.chassis.security.Role;
import cn.chenzhou.plan.chassis.web.EffectiveDate;
import cn.chenzhou.plan.chassis.web.MultiLine;
import cn.chenzhou.plan.projects.project.model.AcceptanceConclusion;
import cn.chenzhou.plan.projects.project.model.MidtermResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The approved project's execution: start, mid-term checks, acceptance or termination. ADMIN only: the plan office
 * signs the task contract with the undertaking organisation, so it records the start, and it organises the
 * mid-term checks — a county portal does not certify its own projects.
 */
@RestController
@RequestMapping("/api/projects/{id}")
@Tag(name = "Projects: execution", description = "The plan office follows an approved project to acceptance or termination")
class ProjectExecutionController {
    private final ProjectCommands commands;

    ProjectExecutionController(ProjectCommands commands) {
        this.commands = commands;
    }

    record Start(@NotNull @Min(1) Long version, @NotNull @EffectiveDate LocalDate startedOn) {
    }

    record MidtermCheckBody(@NotNull @Min(1) Long version, @NotNull MidtermResult result,
                            @MultiLine @Size(max = 2000) String opinion, @NotNull @EffectiveDate LocalDate checkedOn) {
    }

    record Accept(@NotNull @Min(1) Long version, @NotNull AcceptanceConclusion conclusion,
                  @NotBlank @MultiLine @Size(max = 2000) String result, @NotNull @EffectiveDate LocalDate acceptedOn) {
    }

    record Terminate(@NotNull @Min(1) Long version, @NotBlank @MultiLine @Size(max = 1000) String reason,
                     @NotNull @EffectiveDate LocalDate terminatedOn) {
    }

    @PostMapping("/start")
    @Operation(summary = "Record that work on an approved project began (实施)",
            description = "ADMIN. APPROVED → IN_PROGRESS. Event project.started.")
    @Allowed(Role.ADMIN)
    ProjectView start(@PathVariable String id, @Valid @RequestBody Start request, Actor actor) {
        return commands.change(id, request.version(), actor, p -> p.start(commands.step(actor, request.startedOn())));
    }

    @PostMapping("/midterm-check")
    @Operation(summary = "Record a mid-term check (中期检查)",
            description = "ADMIN. Only IN_PROGRESS; the status stays IN_PROGRESS and a project may be checked again. "
                    + "Event project.midterm-checked.")
    @Allowed(Role.ADMIN)
    ProjectView midtermCheck(@PathVariable String id, @Valid @RequestBody MidtermCheckBody request, Actor actor) {
        String opinion = request.opinion() == null || request.opinion().isBlank() ? null : request.opinion().strip();
        return commands.change(id, request.version(), actor,
                p -> p.recordMidtermCheck(request.result(), opinion, commands.step(actor, request.checkedOn())));
    }

    @PostMapping("/accept")
    @Operation(summary = "Accept a completed project (验收/结题) with its conclusion and result",
            description = "ADMIN. IN_PROGRESS → ACCEPTED (final). Event project.accepted.")
    @Allowed(Role.ADMIN)
    ProjectView accept(@PathVariable String id, @Valid @RequestBody Accept request, Actor actor) {
        return commands.change(id, request.version(), actor, p -> p.accept(request.conclusion(),
                request.result().strip(), commands.step(actor, request.acceptedOn())));
    }

    @PostMapping("/terminate")
    @Operation(summary = "Terminate a project (终止) with a reason",
            description = "ADMIN. APPROVED or IN_PROGRESS → TERMINATED (final). Event project.terminated.")
    @Allowed(Role.ADMIN)
    ProjectView terminate(@PathVariable String id, @Valid @RequestBody Terminate request, Actor actor) {
        return commands.change(id, request.version(), actor,
                p -> p.terminate(request.reason().strip(), commands.step(actor, request.terminatedOn())));
    }
}
