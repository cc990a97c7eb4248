package cn.chenzhou.plan.projects.programme;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.security.Allowed;
import cn.chenzhou.plan.chassis.security.Role;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.PageParameters;
import cn.chenzhou.plan.chassis.web.PageView;
import cn.chenzhou.plan.projects.programme.model.Level;
import cn.chenzhou.plan.projects.programme.model.Programme;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects/programmes")
@Tag(name = "Programmes", description = "Programmes (专项/计划) projects are applied under: reference data the plan office extends")
class ProgrammeController {
    private final Programmes programmes;

    ProgrammeController(Programmes programmes) {
        this.programmes = programmes;
    }

    record NewProgramme(@NotNull @Pattern(regexp = Programme.CODE_REGEX,
                                message = "must be upper-case letters, digits and underscores, e.g. SPARK") String code,
                        @NotBlank @Size(max = 100) String chineseName,
                        @NotBlank @Size(max = 200) String englishName,
                        @NotNull Level level) {
    }

    @GetMapping
    @Operation(summary = "List the programmes", description = "Every role may read the catalogue.")
    PageView<Programme> list(PageParameters paging, Actor actor) {
        return paging.of(programmes.page(paging), programmes.count());
    }

    @GetMapping("/{code}")
    @Operation(summary = "Read one programme")
    Programme get(@PathVariable String code, Actor actor) {
        return programmes.find(code).orElseThrow(() -> ApiException.notFound("programme", code));
    }

    @PostMapping
    @Operation(summary = "Add a programme (plan office)",
            description = "ADMIN only. The code is permanent: projects and events refer to it. 409 if the code exists.")
    @Allowed(Role.ADMIN)
    ResponseEntity<Programme> add(@Valid @RequestBody NewProgramme request, Actor actor) {
        Programme programme = new Programme(request.code(), request.chineseName().strip(), request.englishName().strip(),
                request.level());
        if (!programmes.add(programme, actor.name())) {
            throw ApiException.conflict("already-exists", "programme " + request.code() + " exists already")
                    .with("code", request.code());
        }
        return ResponseEntity.created(URI.create("/api/projects/programmes/" + programme.code())).body(programme);
    }
}
