package cn.chenzhou.plan.registry.enterprise;

import cn.chenzhou.plan.chassis.outbox.AggregateCollection;
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
import cn.chenzhou.plan.registry.enterprise.model.Enterprise;
import cn.chenzhou.plan.registry.enterprise.model.RdInstitution;
import cn.chenzhou.plan.registry.enterprise.model.RdInstitutionKind;
import cn.chenzhou.plan.registry.persistence.Change;
import cn.chenzhou.plan.registry.persistence.ListFilter;
import cn.chenzhou.plan.registry.web.CountyScope;
import cn.chenzhou.plan.registry.web.Paging;
import cn.chenzhou.plan.registry.web.Today;
import cn.chenzhou.plan.chassis.web.ValidCreditCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/registry/enterprises")
@Tag(name = "enterprises", description = "Enterprises of the counties, larger or not, and their R&D or achievement-application institutions (T7)")
class EnterpriseController {
    private final EnterpriseStore store;
    private final Today today;

    EnterpriseController(EnterpriseStore store, Today today) {
        this.store = store;
        this.today = today;
    }

    record RegisterEnterprise(@NotNull @CountyCode String county,
                              @NotBlank @Size(max = 200) String name,
                              @NotNull @ValidCreditCode String creditCode,
                              @NotNull Boolean larger,
                              @NotNull LocalDate registeredOn) {
    }

    record Reclassify(@NotNull Boolean larger, @NotNull LocalDate effectiveOn) {
    }

    record EstablishRdInstitution(@NotBlank @Size(max = 200) String name,
                                  @NotNull RdInstitutionKind kind,
                                  @NotNull LocalDate establishedOn) {
    }

    record CloseRdInstitution(@NotBlank @Size(max = 500) String reason, @NotNull LocalDate closedOn) {
    }

    record EnterpriseView(String id, String county, String countyName, String name, CreditCode creditCode,
                          boolean larger, LocalDate registeredOn, LocalDate classifiedOn,
                          RdInstitution rdInstitution, List<RdInstitution> rdInstitutions, long version) {
        static EnterpriseView of(Versioned<Enterprise> v) {
            Enterprise e = v.state();
            return new EnterpriseView(e.id(), e.county(), County.ofCode(e.county()).chineseName(), e.name(),
                    e.creditCode(), e.larger(), e.registeredOn(), e.classifiedOn(), e.openRdInstitution(),
                    e.rdInstitutions(), v.version());
        }
    }

    @PostMapping
    @Operation(operationId = "registerEnterprise", summary = "Register an enterprise of a county (county portal for its own county, or the plan office); once per credit code")
    @Allowed({Role.COUNTY, Role.ADMIN})
    ResponseEntity<EnterpriseView> register(@Valid @RequestBody RegisterEnterprise request, Actor actor) {
        actor.requireCounty(request.county());
        OrganisationCounty.requireRegistrable(actor, "creditCode", request.county(), request.creditCode());
        Enterprise enterprise = Enterprise.register(request.county(), request.name(), new CreditCode(request.creditCode()),
                request.larger(), request.registeredOn(), today.date());
        Versioned<Enterprise> stored = store.insert(Change.of(enterprise, EnterpriseEventMapping.registered(enterprise)), actor.name());
        return ResponseEntity.created(URI.create("/api/registry/enterprises/" + enterprise.id()))
                .body(EnterpriseView.of(stored));
    }

    @PostMapping("/{id}/reclassification")
    @Operation(operationId = "reclassifyEnterprise", summary = "The enterprise became, or stopped being, a larger enterprise (its county portal, or the plan office)")
    @Allowed({Role.COUNTY, Role.ADMIN})
    EnterpriseView reclassify(@PathVariable String id, @Valid @RequestBody Reclassify request, Actor actor) {
        return EnterpriseView.of(store.modify(id, e -> {
            CountyScope.requireReadable(actor, e.county(), "enterprise", id);
            Enterprise after = e.reclassify(request.larger(), request.effectiveOn(), today.date());
            return Change.of(after, EnterpriseEventMapping.reclassified(after));
        }, actor.name()));
    }

    @PostMapping("/{id}/rd-institutions")
    @Operation(operationId = "establishRdInstitution", summary = "The enterprise established an R&D or achievement-application institution (its county portal, or the plan office)")
    @Allowed({Role.COUNTY, Role.ADMIN})
    ResponseEntity<EnterpriseView> establish(@PathVariable String id, @Valid @RequestBody EstablishRdInstitution request,
                                             Actor actor) {
        Versioned<Enterprise> after = store.modify(id, e -> {
            CountyScope.requireReadable(actor, e.county(), "enterprise", id);
            Enterprise established = e.establishRdInstitution(request.name(), request.kind(), request.establishedOn(), today.date());
            return Change.of(established, EnterpriseEventMapping.rdInstitutionEstablished(established));
        }, actor.name());
        return ResponseEntity.created(URI.create("/api/registry/enterprises/" + id)).body(EnterpriseView.of(after));
    }

    @PostMapping("/{id}/rd-institutions/closure")
    @Operation(operationId = "closeRdInstitution", summary = "The enterprise's open R&D institution closed (its county portal, or the plan office)")
    @Allowed({Role.COUNTY, Role.ADMIN})
    EnterpriseView close(@PathVariable String id, @Valid @RequestBody CloseRdInstitution request, Actor actor) {
        return EnterpriseView.of(store.modify(id, e -> {
            CountyScope.requireReadable(actor, e.county(), "enterprise", id);
            Enterprise closed = e.closeRdInstitution(request.reason().strip(), request.closedOn(), today.date());
            return Change.of(closed, EnterpriseEventMapping.rdInstitutionClosed(closed));
        }, actor.name()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getEnterprise")
    EnterpriseView get(@PathVariable String id, Actor actor) {
        Versioned<Enterprise> loaded = store.find(id).orElseThrow(() -> ApiException.notFound("enterprise", id));
        CountyScope.requireReadable(actor, loaded.state().county(), "enterprise", id);
        return EnterpriseView.of(loaded);
    }

    @GetMapping
    @Operation(operationId = "listEnterprises", summary = "List enterprises; a county portal sees its own county's only")
    PageView<EnterpriseView> list(
            @RequestParam(required = false) @CountyCode String county,
            @RequestParam(required = false) Boolean larger,
            @Parameter(description = "true: with an open R&D institution; false: without one")
            @RequestParam(required = false) Boolean hasRdInstitution,
            @Parameter(description = "the year the enterprise was registered")
            @RequestParam(required = false) @Min(1978) @Max(2999) Integer year,
            @RequestParam(required = false) @ValidCreditCode String creditCode,
            PageParameters paging, Actor actor) {
        ListFilter filter = new ListFilter()
                .is("county", CountyScope.forList(actor, county).orElse(null))
                .is("larger", larger)
                .inYear("registeredOn", year)
                .is("creditCode", creditCode);
        if (hasRdInstitution != null) {
            Criteria open = Criteria.where(AggregateCollection.field("rdInstitutions"))
                    .elemMatch(Criteria.where("closedOn").is(null));
            filter.where(hasRdInstitution ? open : new Criteria().norOperator(open));
        }
        return Paging.map(store.page(filter, paging), EnterpriseView::of);
    }
}
