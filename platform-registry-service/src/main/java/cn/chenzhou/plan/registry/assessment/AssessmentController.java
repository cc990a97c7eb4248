package cn.chenzhou.plan.registry.assessment;

import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.security.Allowed;
import cn.chenzhou.plan.chassis.security.Role;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.CountyCode;
import cn.chenzhou.plan.chassis.web.PageParameters;
import cn.chenzhou.plan.chassis.web.PageView;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.registry.assessment.model.Assessment;
import cn.chenzhou.plan.registry.assessment.model.AssessmentEntry;
import cn.chenzhou.plan.registry.assessment.model.AssessmentResult;
import cn.chenzhou.plan.registry.persistence.Change;
import cn.chenzhou.plan.registry.persistence.ListFilter;
import cn.chenzhou.plan.registry.web.CountyScope;
import cn.chenzhou.plan.registry.web.Paging;
import cn.chenzhou.plan.registry.web.Today;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/registry/assessments")
@Tag(name = "assessments", description = "National S&T progress assessment results (国家科技进步考核) per county and year (T1, T2)")
class AssessmentController {
    private final AssessmentStore store;
    private final Today today;

    AssessmentController(AssessmentStore store, Today today) {
        this.store = store;
        this.today = today;
    }

    record RecordAssessment(@NotNull @CountyCode String county,
                            @NotNull @Min(Assessment.FIRST_YEAR) @Max(2999) Integer year,
                            @NotNull AssessmentResult result,
                            @NotBlank @Size(max = 100) String documentNo,
                            @NotNull LocalDate effectiveOn) {
    }

    /** A correction: {@code revision} is the revision it creates, the current one + 1. */
    record ReviseAssessment(@NotNull @Min(2) Integer revision,
                            @NotNull AssessmentResult result,
                            @NotBlank @Size(max = 100) String documentNo,
                            @NotNull LocalDate effectiveOn,
                            @NotBlank @Size(max = 500) String reason) {
    }

    record AssessmentView(String id, String county, String countyName, int year, AssessmentResult result,
                          String documentNo, LocalDate effectiveOn, int revision, List<AssessmentEntry> previous,
                          long version) {
        static AssessmentView of(Versioned<Assessment> v) {
            Assessment a = v.state();
            AssessmentEntry e = a.current();
            return new AssessmentView(a.id(), a.county(), County.ofCode(a.county()).chineseName(), a.year(), e.result(),
                    e.documentNo(), e.effectiveOn(), e.revision(), a.previous(), v.version());
        }
    }

    @PostMapping
    @Operation(operationId = "recordAssessment", summary = "Record a county's assessment result for a year (plan office); one per county and year")
    @Allowed(Role.ADMIN)
    ResponseEntity<AssessmentView> record(@Valid @RequestBody RecordAssessment request, Actor actor) {
        Assessment assessment = Assessment.record(request.county(), request.year(), request.result(),
                request.documentNo().strip(), request.effectiveOn(), today.date());
        Versioned<Assessment> stored = store.insert(Change.of(assessment, AssessmentEventMapping.recorded(assessment)), actor.name());
        return ResponseEntity.created(URI.create("/api/registry/assessments/" + assessment.id()))
                .body(AssessmentView.of(stored));
    }

    @PostMapping("/{id}/revisions")
    @Operation(operationId = "reviseAssessment", summary = "Correct a recorded result (plan office): the body names the revision it creates and why")
    @Allowed(Role.ADMIN)
    ResponseEntity<AssessmentView> revise(@PathVariable String id, @Valid @RequestBody ReviseAssessment request,
                                          Actor actor) {
        Versioned<Assessment> revised = store.modify(id, a -> {
            Assessment after = a.revise(request.revision(), request.result(), request.documentNo().strip(),
                    request.effectiveOn(), request.reason().strip(), today.date());
            return Change.of(after, AssessmentEventMapping.recorded(after));
        }, actor.name());
        return ResponseEntity.created(URI.create("/api/registry/assessments/" + id)).body(AssessmentView.of(revised));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getAssessment")
    AssessmentView get(@PathVariable String id, Actor actor) {
        Versioned<Assessment> loaded = store.find(id).orElseThrow(() -> ApiException.notFound("assessment", id));
        CountyScope.requireReadable(actor, loaded.state().county(), "assessment", id);
        return AssessmentView.of(loaded);
    }

    @GetMapping
    @Operation(operationId = "listAssessments", summary = "List assessment results, latest year first; a county portal sees its own county's only")
    PageView<AssessmentView> list(
            @RequestParam(required = false) @CountyCode String county,
            @RequestParam(required = false) @Min(Assessment.FIRST_YEAR) @Max(2999) Integer year,
            @RequestParam(required = false) AssessmentResult result,
            PageParameters paging, Actor actor) {
        ListFilter filter = new ListFilter()
                .is("county", CountyScope.forList(actor, county).orElse(null))
                .is("year", year)
                .is("current.result", result);
        return Paging.map(store.page(filter, paging), AssessmentView::of);
    }
}
