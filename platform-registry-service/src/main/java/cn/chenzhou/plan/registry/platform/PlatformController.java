package cn.chenzhou.plan.registry.platform;

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
import cn.chenzhou.plan.registry.model.Level;
import cn.chenzhou.plan.registry.model.Organisation;
import cn.chenzhou.plan.registry.persistence.Change;
import cn.chenzhou.plan.registry.persistence.ListFilter;
import cn.chenzhou.plan.registry.platform.model.Accreditation;
import cn.chenzhou.plan.registry.platform.model.Platform;
import cn.chenzhou.plan.registry.platform.model.PlatformStatus;
import cn.chenzhou.plan.registry.platform.model.Revocation;
import cn.chenzhou.plan.registry.platformtype.PlatformTypeCatalogue;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/registry/platforms")
@Tag(name = "platforms", description = "Technology innovation platforms (技术创新平台): registration, accreditation, revocation (T8a–c)")
class PlatformController {
    private final PlatformStore store;
    private final PlatformTypeCatalogue types;
    private final Today today;

    PlatformController(PlatformStore store, PlatformTypeCatalogue types, Today today) {
        this.store = store;
        this.types = types;
        this.today = today;
    }

    record HostBody(@NotBlank @Size(max = 200) String name, @NotNull @ValidCreditCode String creditCode) {
    }

    record RegisterPlatform(@NotNull @CountyCode String county,
                            @NotBlank @Size(max = 200) String name,
                            @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be a platform type code such as KEY_LABORATORY") String type,
                            @NotNull Level level,
                            @NotNull @Valid HostBody host,
                            @NotNull LocalDate registeredOn) {
    }

    record Accredit(@NotNull Level level,
                    @NotBlank @Size(max = 100) String accreditingBody,
                    @NotBlank @Size(max = 100) String documentNo,
                    @NotNull LocalDate accreditedOn) {
    }

    record Revoke(@NotBlank @Size(max = 500) String reason, @NotNull LocalDate revokedOn) {
    }

    /** A platform as the API shows it. */
    record PlatformView(String id, String county, String countyName, String name, String type, Level level,
                        Organisation host, LocalDate registeredOn, PlatformStatus status, LocalDate statusSince,
                        List<Accreditation> accreditations, Revocation revocation, long version) {
        static PlatformView of(Versioned<Platform> v) {
            Platform p = v.state();
            return new PlatformView(p.id(), p.county(), County.ofCode(p.county()).chineseName(), p.name(), p.type(),
                    p.level(), p.host(), p.registeredOn(), p.status(), p.statusSince(), p.accreditations(),
                    p.revocation(), v.version());
        }
    }

    @PostMapping
    @Operation(operationId = "registerPlatform", summary = "Register a platform of a county (county portal for its own county, or the plan office)")
    @Allowed({Role.COUNTY, Role.ADMIN})
    ResponseEntity<PlatformView> register(@Valid @RequestBody RegisterPlatform request, Actor actor) {
        actor.requireCounty(request.county());
        OrganisationCounty.requireRegistrable(actor, "host.creditCode", request.county(), request.host().creditCode());
        if (!types.exists(request.type())) {
            throw ApiException.invalidField("type", "is not a known platform type; the types are listed at /api/registry/platform-types");
        }
        Platform platform = Platform.register("plt-" + UUID.randomUUID(), request.county(), request.name(),
                request.type(), request.level(),
                Organisation.of(request.host().name(), request.host().creditCode()), request.registeredOn(), today.date());
        Versioned<Platform> stored = store.insert(Change.of(platform, PlatformEventMapping.registered(platform)), actor.name());
        return ResponseEntity.created(URI.create("/api/registry/platforms/" + platform.id()))
                .body(PlatformView.of(stored));
    }

    @PostMapping("/{id}/accreditation")
    @Operation(operationId = "accreditPlatform", summary = "Accredit the platform at a level (plan office); a later accreditation at another level supersedes")
    @Allowed(Role.ADMIN)
    PlatformView accredit(@PathVariable String id, @Valid @RequestBody Accredit request, Actor actor) {
        Accreditation accreditation = new Accreditation(request.level(), request.accreditingBody().strip(),
                request.documentNo().strip(), request.accreditedOn());
        return PlatformView.of(store.modify(id, p -> {
            Platform accredited = p.accredit(accreditation, today.date());
            return Change.of(accredited, PlatformEventMapping.accredited(accredited));
        }, actor.name()));
    }

    @PostMapping("/{id}/revocation")
    @Operation(operationId = "revokePlatform", summary = "Revoke the platform (plan office): it stops counting from revokedOn")
    @Allowed(Role.ADMIN)
    PlatformView revoke(@PathVariable String id, @Valid @RequestBody Revoke request, Actor actor) {
        Revocation revocation = new Revocation(request.reason().strip(), request.revokedOn());
        return PlatformView.of(store.modify(id, p -> {
            Platform revoked = p.revoke(revocation, today.date());
            return Change.of(revoked, PlatformEventMapping.revoked(revoked));
        }, actor.name()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getPlatform")
    PlatformView get(@PathVariable String id, Actor actor) {
        Versioned<Platform> loaded = store.find(id).orElseThrow(() -> ApiException.notFound("platform", id));
        CountyScope.requireReadable(actor, loaded.state().county(), "platform", id);
        return PlatformView.of(loaded);
    }

    @GetMapping
    @Operation(operationId = "listPlatforms", summary = "List platforms; a county portal sees its own county's only")
    PageView<PlatformView> list(
            @RequestParam(required = false) @CountyCode String county,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be a platform type code") String type,
            @RequestParam(required = false) Level level,
            @RequestParam(required = false) PlatformStatus status,
            @Parameter(description = "the year of the current status's effective date (registration, accreditation or revocation)")
            @RequestParam(required = false) @Min(1978) @Max(2999) Integer year,
            @RequestParam(required = false) @ValidCreditCode String hostCreditCode,
            PageParameters paging, Actor actor) {
        ListFilter filter = new ListFilter()
                .is("county", CountyScope.forList(actor, county).orElse(null))
                .is("type", type)
                .is("level", level)
                .is("status", status)
                .inYear("statusSince", year)
                .is("host.creditCode", hostCreditCode);
        return Paging.map(store.page(filter, paging), PlatformView::of);
    }
}
