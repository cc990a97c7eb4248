package cn.chenzhou.plan.projects.project;

import cn.chenzhou.plan.projects.programme.model.Programme;
import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.web.CountyCode;
import cn.chenzhou.plan.chassis.web.PageParameters;
import cn.chenzhou.plan.chassis.web.PageView;
import cn.chenzhou.plan.projects.programme.model.Level;
import cn.chenzhou.plan.projects.project.model.Project;
import cn.chenzhou.plan.projects.project.model.ProjectStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading projects: every role reads; a county portal only ever sees its own county's projects. */
@RestController
@RequestMapping("/api/projects")
@Tag(name = "Projects: reading", description = "Projects, their lists and their histories")
class ProjectQueryController {
    private final ProjectStore store;
    private final ProjectCommands commands;

    ProjectQueryController(ProjectStore store, ProjectCommands commands) {
        this.store = store;
        this.commands = commands;
    }

    @GetMapping
    @Operation(summary = "List projects, filtered and paged",
            description = "Latest drafted first. A county portal sees only its own county (asking for another county is "
                    + "403). year is the application year: that of the first submission, or of the draft if never submitted.")
    PageView<ProjectView.ProjectSummary> list(
            @RequestParam(required = false) @CountyCode String county,
            @RequestParam(required = false) @Pattern(regexp = Programme.CODE_REGEX, message = "must be a programme code such as SPARK") String programme,
            @RequestParam(required = false) ProjectStatus status,
            @RequestParam(required = false) Level level,
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
            PageParameters paging, Actor actor) {
        String scope = county;
        if (actor.countyScope().isPresent()) {
            if (county != null) {
                actor.requireCounty(county);
            }
            scope = actor.countyScope().get();
        }
        ProjectStore.Filter filter = new ProjectStore.Filter(scope, programme, status, level, year);
        var items = store.page(filter, paging).stream().map(v -> ProjectView.ProjectSummary.of(v.state(), v.version())).toList();
        return paging.of(items, store.count(filter));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a project",
            description = "With its version (send it back with the next command) and the steps allowed now. "
                    + "Another county's project is 404 for a county portal.")
    ProjectView get(@PathVariable String id, Actor actor) {
        Versioned<Project> loaded = commands.load(id, actor);
        return ProjectView.of(loaded.state(), loaded.version(), actor);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Read a project's history: every step, who took it, when, and with effect from which date")
    ProjectView.ProjectHistory history(@PathVariable String id, Actor actor) {
        Versioned<Project> loaded = commands.load(id, actor);
        return new ProjectView.ProjectHistory(id, loaded.state().status(), loaded.version(), loaded.state().history());
    }
}
