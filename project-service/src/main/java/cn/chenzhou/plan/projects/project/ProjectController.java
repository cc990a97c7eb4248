package cn.chenzhou.plan.projects.project;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.security.Role;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.CountyCode;
import cn.chenzhou.plan.chassis.web.PositiveAmount;
import cn.chenzhou.plan.contracts.CreditCode;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.projects.project.model.Applicant;
import cn.chenzhou.plan.projects.project.model.Level;
import cn.chenzhou.plan.projects.project.model.Project;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects")
class ProjectController {
    private final ProjectStore store;

    ProjectController(ProjectStore store) {
        this.store = store;
    }

    record ApplicantBody(@NotBlank @Size(max = 100) String name,
                         @NotNull @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{18}", message = "must be an 18-character unified social credit code") String creditCode) {
    }

    record SubmitProject(@NotNull @CountyCode String county,
                         @NotBlank @Size(max = 200) String title,
                         @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be a programme code such as SPARK") String programme,
                         @NotNull Level level,
                         @NotNull @Valid ApplicantBody applicant,
                         @NotNull @PositiveAmount Money requestedAmount,
                         @NotNull LocalDate submittedOn) {
    }

    /** A project as the API shows it. */
    record ProjectView(String id, String county, String title, String programme, Level level, Applicant applicant,
                       Money requestedAmount, LocalDate submittedOn, String status, long version) {
        static ProjectView of(Project p, long version) {
            return new ProjectView(p.id(), p.county(), p.title(), p.programme(), p.level(), p.applicant(),
                    p.requestedAmount(), p.submittedOn(), p.status().name(), version);
        }
    }

    @PostMapping
    ResponseEntity<ProjectView> submit(@Valid @RequestBody SubmitProject request, Actor actor) {
        actor.require(Role.COUNTY, Role.ADMIN).requireCounty(request.county());
        String codeProblem = CreditCode.problem(request.applicant().creditCode());
        if (codeProblem != null) {
            throw ApiException.invalidField("applicant.creditCode", codeProblem);
        }
        Project project = Project.submit("prj-" + UUID.randomUUID(), request.county(), request.title(),
                request.programme(), request.level(),
                new Applicant(request.applicant().name(), new CreditCode(request.applicant().creditCode())),
                request.requestedAmount(), request.submittedOn());
        store.insert(project, List.of(ProjectEventMapping.submitted(project)), actor.name());
        return ResponseEntity.created(URI.create("/api/projects/" + project.id())).body(ProjectView.of(project, 1));
    }

    @GetMapping("/{id}")
    ProjectView get(@PathVariable String id, Actor actor) {
        var loaded = store.find(id).orElseThrow(() -> ApiException.notFound("project", id));
        if (!actor.mayRead(loaded.state().county())) {
            // another county's project is none of this portal's business, not even its existence
            throw ApiException.notFound("project", id);
        }
        return ProjectView.of(loaded.state(), loaded.version());
    }
}
