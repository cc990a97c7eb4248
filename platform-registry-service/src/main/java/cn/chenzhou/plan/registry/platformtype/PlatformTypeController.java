package cn.chenzhou.plan.registry.platformtype;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.security.Allowed;
import cn.chenzhou.plan.chassis.security.Role;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.registry.persistence.DuplicateRegistrationException;
import cn.chenzhou.plan.chassis.web.PageParameters;
import cn.chenzhou.plan.chassis.web.PageView;
import cn.chenzhou.plan.registry.platformtype.model.PlatformType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Platform types are reference data: everyone reads them, the plan office adds and renames them. A type is never
 * removed — platforms name it — and its code never changes. They are not facts of the plan, so no event is published:
 * every platform event carries its type's code.
 */
@RestController
@RequestMapping("/api/registry/platform-types")
@Tag(name = "platform types", description = "Reference data: the types of technology innovation platform")
class PlatformTypeController {
    private final PlatformTypeCatalogue catalogue;

    PlatformTypeController(PlatformTypeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    record AddPlatformType(@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be an upper-case code such as KEY_LABORATORY") String code,
                           @NotBlank @Size(max = 100) String name,
                           @NotBlank @Size(max = 200) String englishName) {
    }

    record RenamePlatformType(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 200) String englishName) {
    }

    @GetMapping
    @Operation(operationId = "listPlatformTypes")
    PageView<PlatformType> list(PageParameters paging, Actor actor) {
        return paging.of(catalogue.page(paging), catalogue.count());
    }

    @GetMapping("/{code}")
    @Operation(operationId = "getPlatformType")
    PlatformType get(@PathVariable String code, Actor actor) {
        return catalogue.find(code).orElseThrow(() -> ApiException.notFound("platform type", code));
    }

    @PostMapping
    @Operation(operationId = "addPlatformType", summary = "Add a platform type (plan office)")
    @Allowed(Role.ADMIN)
    ResponseEntity<PlatformType> add(@Valid @RequestBody AddPlatformType request, Actor actor) {
        PlatformType type = new PlatformType(request.code(), request.name().strip(), request.englishName().strip());
        if (!catalogue.add(type)) {
            throw new DuplicateRegistrationException("platform type", type.code(), "platform type " + type.code() + " exists already");
        }
        return ResponseEntity.created(URI.create("/api/registry/platform-types/" + type.code())).body(type);
    }

    @PutMapping("/{code}")
    @Operation(operationId = "renamePlatformType", summary = "Rename a platform type (plan office); its code stays")
    @Allowed(Role.ADMIN)
    PlatformType rename(@PathVariable String code, @Valid @RequestBody RenamePlatformType request, Actor actor) {
        if (!PlatformType.CODE.matcher(code).matches()) {
            throw ApiException.notFound("platform type", code);
        }
        PlatformType type = new PlatformType(code, request.name().strip(), request.englishName().strip());
        if (!catalogue.rename(type)) {
            throw ApiException.notFound("platform type", code);
        }
        return type;
    }
}
