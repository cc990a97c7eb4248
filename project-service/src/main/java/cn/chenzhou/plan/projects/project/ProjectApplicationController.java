package cn.chenzhou.plan.projects.project;

import cn.chenzhou.plan.projects.programme.model.Programme;
import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.security.Allowed;
import cn.chenzhou.plan.chassis.security.OrganisationCounty;
import cn.chenzhou.plan.chassis.security.Role;
import cn.chenzhou.plan.chassis.web.CountyCode;
import cn.chenzhou.plan.chassis.web.PositiveAmount;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.chassis.web.EffectiveDate;
import cn.chenzhou.plan.projects.programme.Programmes;
import cn.chenzhou.plan.projects.programme.model.Level;
import cn.chenzhou.plan.projects.project.ProposalFields.ApplicantBody;
import cn.chenzhou.plan.projects.project.ProposalFields.ContactBody;
import cn.chenzhou.plan.projects.project.ProposalFields.PeriodBody;
import cn.chenzhou.plan.projects.project.model.Project;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The county's side of a project: draft the application, revise it, submit it (申报). County portals only. */
@RestController
@RequestMapping("/api/projects")
@Tag(name = "Projects: application", description = "A county portal drafts, revises and submits its county's projects")
class ProjectApplicationController {
    private final ProjectStore store;
    private final ProjectCommands commands;
    private final Programmes programmes;

    ProjectApplicationController(ProjectStore store, ProjectCommands commands, Programmes programmes) {
        this.store = store;
        this.commands = commands;
        this.programmes = programmes;
    }

    record DraftProject(@NotNull @CountyCode String county,
                        @NotBlank @Size(max = 200) String title,
                        @NotNull @Pattern(regexp = Programme.CODE_REGEX, message = "must be a programme code such as SPARK") String programme,
                        @NotNull Level level,
                        @NotNull @Valid ApplicantBody applicant,
                        @NotNull @PositiveAmount Money requestedAmount,
                        @NotNull @Valid PeriodBody period,
                        @NotNull @Valid ContactBody contact,
                        @NotNull @EffectiveDate LocalDate draftedOn) implements ProposalFields {
    }

    record ReviseProject(@NotNull @Min(1) Long version,
                         @NotBlank @Size(max = 200) String title,
                         @NotNull @Pattern(regexp = Programme.CODE_REGEX, message = "must be a programme code such as SPARK") String programme,
                         @NotNull Level level,
                         @NotNull @Valid ApplicantBody applicant,
                         @NotNull @PositiveAmount Money requestedAmount,
                         @NotNull @Valid PeriodBody period,
                         @NotNull @Valid ContactBody contact,
                         @NotNull @EffectiveDate LocalDate revisedOn) implements ProposalFields {
    }

    record SubmitProject(@NotNull @Min(1) Long version, @NotNull @EffectiveDate LocalDate submittedOn) {
    }

    @PostMapping
    @Operation(summary = "Draft a project (起草)",
            description = "COUNTY portal, for its own county. Creates the project as DRAFT (event project.drafted). "
                    + "The programme must be in the catalogue. Answers 201 with the project and its version.")
    @Allowed(Role.COUNTY)
    ResponseEntity<ProjectView> draft(@Valid @RequestBody DraftProject request, Actor actor) {
        actor.requireCounty(request.county());
        OrganisationCounty.requireConsistent("applicant.creditCode", request.county(), request.applicant().creditCode());
        Project project = Project.draft("prj-" + UUID.randomUUID(), request.county(),
                ProposalFields.toProposal(request, programmes), commands.step(actor, request.draftedOn()));
        store.insert(project, ProjectEventMapping.of(project), actor.name());
        return ResponseEntity.created(URI.create("/api/projects/" + project.id())).body(ProjectView.of(project, 1, actor));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Revise a project's application",
            description = "COUNTY portal. Only a DRAFT or a project RETURNED by formal review can be revised; the county "
                    + "cannot change. Send the version you read (409 if it changed since). Event project.revised.")
    @Allowed(Role.COUNTY)
    ProjectView revise(@PathVariable String id, @Valid @RequestBody ReviseProject request, Actor actor) {
        var proposal = ProposalFields.toProposal(request, programmes);
        return commands.change(id, request.version(), actor, p -> {
            OrganisationCounty.requireConsistent("applicant.creditCode", p.county(), request.applicant().creditCode());
            return p.revise(proposal, commands.step(actor, request.revisedOn()));
        });
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit a project (申报), or submit it again after correcting it",
            description = "COUNTY portal. DRAFT or RETURNED → SUBMITTED. Event project.submitted.")
    @Allowed(Role.COUNTY)
    ProjectView submit(@PathVariable String id, @Valid @RequestBody SubmitProject request, Actor actor) {
        return commands.change(id, request.version(), actor, p -> p.submit(commands.step(actor, request.submittedOn())));
    }
}
