package cn.chenzhou.plan.projects.industry;

import cn.chenzhou.plan.projects.lifecycle.SentVersion;
import cn.chenzhou.plan.chassis.outbox.AggregateAlreadyExistsException;
import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.security.Allowed;
import cn.chenzhou.plan.chassis.security.Role;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.CountyCode;
import cn.chenzhou.plan.chassis.web.PageParameters;
import cn.chenzhou.plan.chassis.web.PageView;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.projects.achievement.Achievements;
import cn.chenzhou.plan.projects.achievement.model.AchievementStatus;
import cn.chenzhou.plan.projects.industry.model.CharacteristicIndustry;
import cn.chenzhou.plan.projects.industry.model.IndustryStatus;
import cn.chenzhou.plan.projects.industry.model.Recognition;
import cn.chenzhou.plan.projects.industry.model.Revocation;
import cn.chenzhou.plan.chassis.web.EffectiveDate;
import cn.chenzhou.plan.chassis.web.MultiLine;
import cn.chenzhou.plan.projects.lifecycle.model.HistoryEntry;
import cn.chenzhou.plan.projects.lifecycle.model.Step;
import cn.chenzhou.plan.projects.project.Projects;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Characteristic industries (特色产业, T13): registered per county, driven by projects and achievements, recognised. */
@RestController
@RequestMapping("/api/projects/industries")
@Tag(name = "Characteristic industries", description = "S&T-driven characteristic industries of the counties (T13)")
class IndustryController {
    private final IndustryStore store;
    private final Projects projects;
    private final Achievements achievements;
    private final Clock clock;

    IndustryController(IndustryStore store, Projects projects, Achievements achievements, Clock clock) {
        this.store = store;
        this.projects = projects;
        this.achievements = achievements;
        this.clock = clock;
    }

    record RegisterIndustry(@NotNull @CountyCode String county, @NotBlank @Size(max = 100) String name,
                            @MultiLine @Size(max = 2000) String description, @NotNull @EffectiveDate LocalDate registeredOn) {
    }

    record ChangeDrivers(@NotNull @Min(1) Long version,
                         @NotNull @Size(max = 100) List<@NotBlank @Size(max = 60) String> projectIds,
                         @NotNull @Size(max = 100) List<@NotBlank @Size(max = 60) String> achievementIds,
                         @NotNull @EffectiveDate LocalDate changedOn) {
    }

    record Recognise(@NotNull @Min(1) Long version, @NotBlank @Size(max = 100) String documentNo,
                     @NotNull @EffectiveDate LocalDate recognisedOn) {
    }

    record RevokeRecognition(@NotNull @Min(1) Long version, @NotBlank @MultiLine @Size(max = 1000) String reason,
                             @NotNull @EffectiveDate LocalDate revokedOn) {
    }

    record IndustryView(String id, String county, String countyName, String name, String description,
                        List<String> projectIds, List<String> achievementIds, LocalDate registeredOn,
                        IndustryStatus status, Recognition recognition, Revocation revocation,
                        List<String> allowedTransitions, List<HistoryEntry> history, long version) {
        static IndustryView of(CharacteristicIndustry i, long version) {
            return new IndustryView(i.id(), i.county(), County.ofCode(i.county()).chineseName(), i.name(),
                    i.description(), i.projectIds(), i.achievementIds(), i.registeredOn(), i.status(), i.recognition(),
                    i.revocation(), i.allowedTransitions(), i.history(), version);
        }
    }

    @PostMapping
    @Operation(summary = "Register a characteristic industry of a county",
            description = "COUNTY portal for its own county, or ADMIN. A county has one industry of a given name (409 "
                    + "otherwise). Link its driving projects and achievements next. Event industry.registered.")
    @Allowed({Role.COUNTY, Role.ADMIN})
    ResponseEntity<IndustryView> register(@Valid @RequestBody RegisterIndustry request, Actor actor) {
        actor.requireCounty(request.county());
        String name = request.name().strip().replaceAll("\\s+", " ");
        // the id is derived from county and name, so that one county cannot register the same industry twice,
        // even by two requests at once: the second insert finds the first document
        String id = "ind-" + UUID.nameUUIDFromBytes((request.county() + "|" + name).getBytes(StandardCharsets.UTF_8));
        CharacteristicIndustry industry = CharacteristicIndustry.register(id, request.county(), name,
                request.description() == null || request.description().isBlank() ? null : request.description().strip(),
                step(actor, request.registeredOn()));
        try {
            store.insert(industry, IndustryEventMapping.of(industry), actor.name());
        } catch (AggregateAlreadyExistsException e) {
            throw ApiException.conflict("already-exists", "county " + request.county()
                    + " already has a characteristic industry named " + name).with("id", id);
        }
        return ResponseEntity.created(URI.create("/api/projects/industries/" + id)).body(IndustryView.of(industry, 1));
    }

    @PutMapping("/{id}/drivers")
    @Operation(summary = "Set the projects and achievement transformations that drive the industry",
            description = "COUNTY portal of its county, or ADMIN. The complete set: ids left out are unlinked. Each must be "
                    + "of the industry's county; projects must have been approved, achievements not withdrawn. "
                    + "Event industry.drivers-changed.")
    @Allowed({Role.COUNTY, Role.ADMIN})
    IndustryView changeDrivers(@PathVariable String id, @Valid @RequestBody ChangeDrivers request, Actor actor) {
        return change(id, request.version(), actor, industry -> {
            checkDrivers(industry.county(), request.projectIds(), request.achievementIds());
            return industry.changeDrivers(request.projectIds(), request.achievementIds(), step(actor, request.changedOn()));
        });
    }

    @PostMapping("/{id}/recognise")
    @Operation(summary = "Recognise the industry as cultivated through S&T (认定)",
            description = "ADMIN. REGISTERED or RECOGNITION_REVOKED → RECOGNISED, only with at least one driver. Counts "
                    + "toward T13 from recognisedOn. Event industry.recognised.")
    @Allowed(Role.ADMIN)
    IndustryView recognise(@PathVariable String id, @Valid @RequestBody Recognise request, Actor actor) {
        return change(id, request.version(), actor,
                i -> i.recognise(request.documentNo().strip(), step(actor, request.recognisedOn())));
    }

    @PostMapping("/{id}/revoke-recognition")
    @Operation(summary = "Revoke the industry's recognition (撤销认定)",
            description = "ADMIN. RECOGNISED → RECOGNITION_REVOKED; stops counting from revokedOn. "
                    + "Event industry.recognition-revoked.")
    @Allowed(Role.ADMIN)
    IndustryView revokeRecognition(@PathVariable String id, @Valid @RequestBody RevokeRecognition request, Actor actor) {
        return change(id, request.version(), actor,
                i -> i.revokeRecognition(request.reason().strip(), step(actor, request.revokedOn())));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a characteristic industry, with its drivers and history")
    IndustryView get(@PathVariable String id, Actor actor) {
        Versioned<CharacteristicIndustry> loaded = load(id, actor);
        return IndustryView.of(loaded.state(), loaded.version());
    }

    @GetMapping
    @Operation(summary = "List characteristic industries, by county and name",
            description = "A county portal sees only its own county.")
    PageView<IndustryView> list(@RequestParam(required = false) @CountyCode String county,
                                @RequestParam(required = false) IndustryStatus status,
                                PageParameters paging, Actor actor) {
        String scope = county;
        if (actor.countyScope().isPresent()) {
            if (county != null) {
                actor.requireCounty(county);
            }
            scope = actor.countyScope().get();
        }
        var items = store.page(scope, status, paging).stream().map(v -> IndustryView.of(v.state(), v.version())).toList();
        return paging.of(items, store.count(scope, status));
    }

    private IndustryView change(String id, long version, Actor actor, UnaryOperator<CharacteristicIndustry> step) {
        Versioned<CharacteristicIndustry> loaded = load(id, actor);
        SentVersion.require(loaded, version, "industry");
        CharacteristicIndustry next = step.apply(loaded.state());
        store.update(loaded, next, IndustryEventMapping.of(next), actor.name());
        return IndustryView.of(next, loaded.version() + 1);
    }

    private void checkDrivers(String county, List<String> projectIds, List<String> achievementIds) {
        for (int i = 0; i < projectIds.size(); i++) {
            String field = "projectIds[" + i + "]";
            var project = projects.find(projectIds.get(i)).filter(p -> p.county().equals(county))
                    .orElseThrow(() -> ApiException.invalidField(field, "no such project in county " + county));
            if (!project.wasApproved()) {
                throw ApiException.invalidField(field, "project " + project.id() + " is " + project.status()
                        + "; only approved projects drive an industry");
            }
        }
        for (int i = 0; i < achievementIds.size(); i++) {
            String field = "achievementIds[" + i + "]";
            var achievement = achievements.find(achievementIds.get(i)).filter(a -> a.county().equals(county))
                    .orElseThrow(() -> ApiException.invalidField(field, "no such achievement transformation in county " + county));
            if (achievement.status() != AchievementStatus.RECORDED) {
                throw ApiException.invalidField(field, "achievement " + achievement.id() + " was withdrawn");
            }
        }
    }

    private Versioned<CharacteristicIndustry> load(String id, Actor actor) {
        return store.find(id).filter(v -> actor.mayRead(v.state().county()))
                .orElseThrow(() -> ApiException.notFound("industry", id));
    }

    private Step step(Actor actor, LocalDate effectiveOn) {
        return new Step(actor.name(), clock.instant(), effectiveOn);
    }
}
