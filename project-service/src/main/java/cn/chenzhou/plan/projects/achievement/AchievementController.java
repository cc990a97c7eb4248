package cn.chenzhou.plan.projects.achievement;

import cn.chenzhou.plan.projects.lifecycle.SentVersion;
import cn.chenzhou.plan.chassis.web.ValidCreditCode;
import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.security.Allowed;
import cn.chenzhou.plan.chassis.security.OrganisationCounty;
import cn.chenzhou.plan.chassis.security.Role;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.CountyCode;
import cn.chenzhou.plan.chassis.web.PageParameters;
import cn.chenzhou.plan.chassis.web.PageView;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.contracts.CreditCode;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.projects.achievement.model.AchievementStatus;
import cn.chenzhou.plan.projects.achievement.model.AchievementTransformation;
import cn.chenzhou.plan.projects.achievement.model.Enterprise;
import cn.chenzhou.plan.projects.achievement.model.Withdrawal;
import cn.chenzhou.plan.chassis.web.EffectiveDate;
import cn.chenzhou.plan.chassis.web.MultiLine;
import cn.chenzhou.plan.projects.lifecycle.model.HistoryEntry;
import cn.chenzhou.plan.projects.lifecycle.model.Step;
import cn.chenzhou.plan.projects.project.Projects;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Key achievement transformation records (重点科技成果转化, T12). */
@RestController
@RequestMapping("/api/projects/achievements")
@Tag(name = "Achievement transformations", description = "Key S&T achievements transformed and applied in a county (T12)")
class AchievementController {
    private final AchievementStore store;
    private final Projects projects;
    private final Clock clock;

    AchievementController(AchievementStore store, Projects projects, Clock clock) {
        this.store = store;
        this.projects = projects;
        this.clock = clock;
    }

    record EnterpriseBody(@NotBlank @Size(max = 100) String name, @NotNull @ValidCreditCode String creditCode) {
    }

    record RecordTransformation(@NotNull @CountyCode String county,
                                @NotBlank @Size(max = 200) String title,
                                @Size(min = 1, max = 60) String projectId,
                                @NotNull @Valid EnterpriseBody enterprise,
                                @NotNull @EffectiveDate LocalDate transformedOn,
                                @NotNull Money outputValue,
                                @MultiLine @Size(max = 2000) String resultSummary) {
    }

    record Withdraw(@NotNull @Min(1) Long version, @NotBlank @MultiLine @Size(max = 1000) String reason,
                    @NotNull @EffectiveDate LocalDate withdrawnOn) {
    }

    record AchievementView(String id, String county, String countyName, String title, String projectId,
                           Enterprise enterprise, LocalDate transformedOn, Money outputValue, String resultSummary,
                           AchievementStatus status, Withdrawal withdrawal, List<String> allowedTransitions,
                           List<HistoryEntry> history, long version) {
        static AchievementView of(AchievementTransformation a, long version) {
            return new AchievementView(a.id(), a.county(), County.ofCode(a.county()).chineseName(), a.title(),
                    a.projectId(), a.enterprise(), a.transformedOn(), a.outputValue(), a.resultSummary(), a.status(),
                    a.withdrawal(), a.allowedTransitions(), a.history(), version);
        }
    }

    @PostMapping
    @Operation(summary = "Record a key achievement transformation (重点科技成果转化)",
            description = "COUNTY portal for its own county, or ADMIN. Counts toward T12 from transformedOn. outputValue is "
                    + "the new output value reported (0 if none yet). projectId, if given, must be a project that was "
                    + "approved and that the caller can see. Event achievement.transformation-recorded.")
    @Allowed({Role.COUNTY, Role.ADMIN})
    ResponseEntity<AchievementView> record(@Valid @RequestBody RecordTransformation request, Actor actor) {
        actor.requireCounty(request.county());
        OrganisationCounty.requireConsistent("enterprise.creditCode", request.county(), request.enterprise().creditCode());
        if (request.projectId() != null) {
            var project = projects.find(request.projectId()).filter(p -> actor.mayRead(p.county()))
                    .orElseThrow(() -> ApiException.invalidField("projectId", "no such project: " + request.projectId()));
            if (!project.wasApproved()) {
                throw ApiException.invalidField("projectId", "project " + project.id() + " is " + project.status()
                        + "; achievements come from approved projects");
            }
        }
        AchievementTransformation achievement = AchievementTransformation.record("ach-" + UUID.randomUUID(),
                request.county(), request.title().strip(), request.projectId(),
                new Enterprise(request.enterprise().name().strip(), new CreditCode(request.enterprise().creditCode())),
                request.outputValue(), blankToNull(request.resultSummary()),
                new Step(actor.name(), clock.instant(), request.transformedOn()));
        store.insert(achievement, AchievementEventMapping.of(achievement), actor.name());
        return ResponseEntity.created(URI.create("/api/projects/achievements/" + achievement.id()))
                .body(AchievementView.of(achievement, 1));
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Withdraw a transformation record (a duplicate or a mistake)",
            description = "ADMIN. RECORDED → WITHDRAWN; it stops counting from withdrawnOn. Send the version you read. "
                    + "Event achievement.transformation-withdrawn.")
    @Allowed(Role.ADMIN)
    AchievementView withdraw(@PathVariable String id, @Valid @RequestBody Withdraw request, Actor actor) {
        Versioned<AchievementTransformation> loaded = load(id, actor);
        SentVersion.require(loaded, request.version(), "achievement");
        AchievementTransformation next = loaded.state().withdraw(request.reason().strip(),
                new Step(actor.name(), clock.instant(), request.withdrawnOn()));
        store.update(loaded, next, AchievementEventMapping.of(next), actor.name());
        return AchievementView.of(next, loaded.version() + 1);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a transformation record, with its history")
    AchievementView get(@PathVariable String id, Actor actor) {
        Versioned<AchievementTransformation> loaded = load(id, actor);
        return AchievementView.of(loaded.state(), loaded.version());
    }

    @GetMapping
    @Operation(summary = "List transformation records, filtered and paged",
            description = "Latest transformed first; year is the year of transformedOn. A county portal sees only its county.")
    PageView<AchievementView> list(@RequestParam(required = false) @CountyCode String county,
                                   @RequestParam(required = false) @Size(max = 60) String projectId,
                                   @RequestParam(required = false) AchievementStatus status,
                                   @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
                                   PageParameters paging, Actor actor) {
        String scope = county;
        if (actor.countyScope().isPresent()) {
            if (county != null) {
                actor.requireCounty(county);
            }
            scope = actor.countyScope().get();
        }
        AchievementStore.Filter filter = new AchievementStore.Filter(scope, projectId, status, year);
        var items = store.page(filter, paging).stream().map(v -> AchievementView.of(v.state(), v.version())).toList();
        return paging.of(items, store.count(filter));
    }

    private Versioned<AchievementTransformation> load(String id, Actor actor) {
        return store.find(id).filter(v -> actor.mayRead(v.state().county()))
                .orElseThrow(() -> ApiException.notFound("achievement", id));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
