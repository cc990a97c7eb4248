package cn.chenzhou.plan.registry.designation;

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
import cn.chenzhou.plan.registry.designation.model.Designation;
import cn.chenzhou.plan.registry.designation.model.DesignationKind;
import cn.chenzhou.plan.registry.designation.model.DesignationRevocation;
import cn.chenzhou.plan.registry.designation.model.DesignationStatus;
import cn.chenzhou.plan.registry.designation.model.Grant;
import cn.chenzhou.plan.registry.model.Level;
import cn.chenzhou.plan.registry.model.Organisation;
import cn.chenzhou.plan.registry.persistence.Change;
import cn.chenzhou.plan.registry.persistence.ListFilter;
import cn.chenzhou.plan.registry.web.CountyScope;
import cn.chenzhou.plan.registry.web.OrganisationBody;
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
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/registry/designations")
@Tag(name = "designations", description = "Zones, parks and bases, demonstration counties, industry bases, high-tech "
        + "enterprises, IP pilot counties, semiconductor-lighting demonstration units and zones (T3–T6, T11, T14)")
class DesignationController {
    private final DesignationStore store;
    private final Today today;

    DesignationController(DesignationStore store, Today today) {
        this.store = store;
        this.today = today;
    }

    record GrantBody(@NotBlank @Size(max = 100) String documentNo, @NotNull LocalDate grantedOn) {
        Grant toGrant() {
            return new Grant(documentNo.strip(), grantedOn);
        }
    }

    /** An application; the plan office may record a designation already granted by including its grant. */
    record ApplyForDesignation(@NotNull @CountyCode String county,
                               @NotNull DesignationKind kind,
                               @NotNull Level level,
                               @NotNull @Valid OrganisationBody holder,
                               @NotNull LocalDate appliedOn,
                               @Valid GrantBody grant) {
    }

    record Revoke(@NotBlank @Size(max = 500) String reason, @NotNull LocalDate revokedOn) {
    }

    record DesignationView(String id, String county, String countyName, DesignationKind kind, Level level,
                           Organisation holder, LocalDate appliedOn, DesignationStatus status, LocalDate statusSince,
                           Grant grant, DesignationRevocation revocation, long version) {
        static DesignationView of(Versioned<Designation> v) {
            Designation d = v.state();
            return new DesignationView(d.id(), d.county(), County.ofCode(d.county()).chineseName(), d.kind(), d.level(),
                    d.holder(), d.appliedOn(), d.status(), d.statusSince(), d.grant(), d.revocation(), v.version());
        }
    }

    @PostMapping
    @Operation(operationId = "applyForDesignation", summary = "Apply for a designation in a county (county portal for "
            + "its own county, or the plan office; only the plan office may include the grant)")
    @Allowed({Role.COUNTY, Role.ADMIN})
    ResponseEntity<DesignationView> apply(@Valid @RequestBody ApplyForDesignation request, Actor actor) {
        actor.requireCounty(request.county());
        OrganisationCounty.requireRegistrable(actor, "holder.creditCode", request.county(), request.holder().creditCode());
        if (request.grant() != null) {
            actor.require(Role.ADMIN);
        }
        LocalDate now = today.date();
        Designation designation = Designation.apply("dsg-" + UUID.randomUUID(), request.county(), request.kind(),
                request.level(), request.holder().toOrganisation(), request.appliedOn(), now);
        if (request.grant() != null) {
            designation = designation.grant(request.grant().toGrant(), now);
        }
        Versioned<Designation> stored = store.insert(designation, actor.name());
        return ResponseEntity.created(URI.create("/api/registry/designations/" + designation.id()))
                .body(DesignationView.of(stored));
    }

    @PostMapping("/{id}/grant")
    @Operation(operationId = "grantDesignation", summary = "Grant the designation (plan office): it counts from grantedOn")
    @Allowed(Role.ADMIN)
    DesignationView grant(@PathVariable String id, @Valid @RequestBody GrantBody request, Actor actor) {
        Grant grant = request.toGrant();
        return DesignationView.of(store.modify(id, d -> {
            Designation granted = d.grant(grant, today.date());
            return Change.of(granted, DesignationEventMapping.granted(granted));
        }, actor.name()));
    }

    @PostMapping("/{id}/revocation")
    @Operation(operationId = "revokeDesignation", summary = "Revoke the designation, or close an application never granted (plan office)")
    @Allowed(Role.ADMIN)
    DesignationView revoke(@PathVariable String id, @Valid @RequestBody Revoke request, Actor actor) {
        DesignationRevocation revocation = new DesignationRevocation(request.reason().strip(), request.revokedOn());
        return DesignationView.of(store.modify(id, d -> {
            Designation revoked = d.revoke(revocation, today.date());
            return Change.of(revoked, DesignationEventMapping.revoked(revoked));
        }, actor.name()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getDesignation")
    DesignationView get(@PathVariable String id, Actor actor) {
        Versioned<Designation> loaded = store.find(id).orElseThrow(() -> ApiException.notFound("designation", id));
        CountyScope.requireReadable(actor, loaded.state().county(), "designation", id);
        return DesignationView.of(loaded);
    }

    @GetMapping
    @Operation(operationId = "listDesignations", summary = "List designations; a county portal sees its own county's only")
    PageView<DesignationView> list(
            @RequestParam(required = false) @CountyCode String county,
            @RequestParam(required = false) DesignationKind kind,
            @RequestParam(required = false) Level level,
            @RequestParam(required = false) DesignationStatus status,
            @Parameter(description = "the year of the current status's effective date (application, grant or revocation)")
            @RequestParam(required = false) @Min(1978) @Max(2999) Integer year,
            @RequestParam(required = false) @ValidCreditCode String holderCreditCode,
            PageParameters paging, Actor actor) {
        ListFilter filter = new ListFilter()
                .is("county", CountyScope.forList(actor, county).orElse(null))
                .is("kind", kind)
                .is("level", level)
                .is("status", status)
                .inYear("statusSince", year)
                .is("holder.creditCode", holderCreditCode);
        return Paging.map(store.page(filter, paging), DesignationView::of);
    }
}
