package cn.chenzhou.plan.registry.alliance;

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
import cn.chenzhou.plan.registry.alliance.model.Alliance;
import cn.chenzhou.plan.registry.alliance.model.AllianceMember;
import cn.chenzhou.plan.registry.persistence.Change;
import cn.chenzhou.plan.registry.persistence.ListFilter;
import cn.chenzhou.plan.registry.web.CountyScope;
import cn.chenzhou.plan.registry.web.OrganisationBody;
import cn.chenzhou.plan.registry.web.Paging;
import cn.chenzhou.plan.registry.web.Today;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
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
@RequestMapping("/api/registry/alliances")
@Tag(name = "alliances", description = "Industry technology innovation alliances (产业技术创新联盟) and their members")
class AllianceController {
    private final AllianceStore store;
    private final Today today;

    AllianceController(AllianceStore store, Today today) {
        this.store = store;
        this.today = today;
    }

    /** A member organisation; {@code county} is its Chenzhou county, omitted for a member from outside Chenzhou. */
    record MemberBody(@NotNull @Valid OrganisationBody organisation, @CountyCode String county) {
        Alliance.FoundingMember toFounder() {
            return new Alliance.FoundingMember(organisation.toOrganisation(), county);
        }
    }

    record FormAlliance(@NotNull @CountyCode String county,
                        @NotBlank @Size(max = 200) String name,
                        @NotBlank @Size(max = 200) String field,
                        @NotNull LocalDate formedOn,
                        @NotEmpty @Size(max = 200) List<@NotNull @Valid MemberBody> members) {
    }

    record JoinAlliance(@NotNull @Valid OrganisationBody organisation, @CountyCode String county,
                        @NotNull LocalDate joinedOn) {
    }

    record AllianceView(String id, String county, String countyName, String name, String field, LocalDate formedOn,
                        int memberCount, List<AllianceMember> members, long version) {
        static AllianceView of(Versioned<Alliance> v) {
            Alliance a = v.state();
            return new AllianceView(a.id(), a.county(), County.ofCode(a.county()).chineseName(), a.name(), a.field(),
                    a.formedOn(), a.members().size(), a.members(), v.version());
        }
    }

    @PostMapping
    @Operation(operationId = "formAlliance", summary = "Register an alliance formed in a county, with its founding members (county portal for its own county, or the plan office)")
    @Allowed({Role.COUNTY, Role.ADMIN})
    ResponseEntity<AllianceView> form(@Valid @RequestBody FormAlliance request, Actor actor) {
        actor.requireCounty(request.county());
        for (int i = 0; i < request.members().size(); i++) {
            MemberBody member = request.members().get(i);
            OrganisationCounty.requireConsistent("members[" + i + "].organisation.creditCode", member.county(),
                    member.organisation().creditCode());
        }
        Alliance alliance = Alliance.form("all-" + UUID.randomUUID(), request.county(), request.name(), request.field(),
                request.formedOn(), request.members().stream().map(MemberBody::toFounder).toList(), today.date());
        Versioned<Alliance> stored = store.insert(alliance, actor.name());
        return ResponseEntity.created(URI.create("/api/registry/alliances/" + alliance.id()))
                .body(AllianceView.of(stored));
    }

    @PostMapping("/{id}/members")
    @Operation(operationId = "joinAlliance", summary = "An organisation joins the alliance (the alliance's county portal, or the plan office)")
    @Allowed({Role.COUNTY, Role.ADMIN})
    ResponseEntity<AllianceView> join(@PathVariable String id, @Valid @RequestBody JoinAlliance request, Actor actor) {
        OrganisationCounty.requireConsistent("organisation.creditCode", request.county(), request.organisation().creditCode());
        Versioned<Alliance> joined = store.modify(id, a -> {
            CountyScope.requireReadable(actor, a.county(), "alliance", id);
            Alliance after = a.join(request.organisation().toOrganisation(), request.county(), request.joinedOn(), today.date());
            return Change.of(after, AllianceEventMapping.memberJoined(after));
        }, actor.name());
        return ResponseEntity.created(URI.create("/api/registry/alliances/" + id)).body(AllianceView.of(joined));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getAlliance")
    AllianceView get(@PathVariable String id, Actor actor) {
        Versioned<Alliance> loaded = store.find(id).orElseThrow(() -> ApiException.notFound("alliance", id));
        CountyScope.requireReadable(actor, loaded.state().county(), "alliance", id);
        return AllianceView.of(loaded);
    }

    @GetMapping
    @Operation(operationId = "listAlliances", summary = "List alliances; a county portal sees those led from its own county only")
    PageView<AllianceView> list(
            @RequestParam(required = false) @CountyCode String county,
            @Parameter(description = "the year the alliance was formed")
            @RequestParam(required = false) @Min(1978) @Max(2999) Integer year,
            PageParameters paging, Actor actor) {
        ListFilter filter = new ListFilter()
                .is("county", CountyScope.forList(actor, county).orElse(null))
                .inYear("formedOn", year);
        return Paging.map(store.page(filter, paging), AllianceView::of);
    }
}
