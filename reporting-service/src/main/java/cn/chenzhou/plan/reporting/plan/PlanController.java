package cn.chenzhou.plan.reporting.plan;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.security.Allowed;
import cn.chenzhou.plan.chassis.security.Role;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.reporting.plan.model.LocalizedText;
import cn.chenzhou.plan.reporting.plan.model.PlanDefinition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Plans as data: everyone reads them; the plan office (ADMIN) loads a plan and puts it in force, without a release. */
@RestController
@RequestMapping("/api/reports/plans")
class PlanController {
    private final PlanBook plans;

    PlanController(PlanBook plans) {
        this.plans = plans;
    }

    record PlanSummary(String id, LocalizedText name, String document, LocalDate start, LocalDate end, int targets,
                       boolean active, String loadedBy, Instant loadedAt) {
        static PlanSummary of(PlanBook.StoredPlan s) {
            PlanDefinition p = s.plan();
            return new PlanSummary(p.id(), p.name(), p.document(), p.start(), p.end(), p.targets().size(), s.active(),
                    s.loadedBy(), s.loadedAt());
        }
    }

    @GetMapping
    List<PlanSummary> list(Actor actor) {
        return plans.all().stream().map(PlanSummary::of).toList();
    }

    @GetMapping("/active")
    PlanDefinition active(Actor actor) {
        return plans.active();
    }

    @GetMapping("/{planId}")
    PlanDefinition get(@PathVariable String planId, Actor actor) {
        return plans.find(planId).map(PlanBook.StoredPlan::plan).orElseThrow(() -> ApiException.notFound("plan", planId));
    }

    /** Loads (or replaces) a plan; by default it is put in force at once. */
    @PutMapping("/{planId}")
    @Allowed(Role.ADMIN)
    ResponseEntity<PlanSummary> load(@PathVariable String planId, @RequestBody PlanDefinition plan,
                                     @RequestParam(defaultValue = "true") boolean activate, Actor actor) {
        if (plan.id() == null || !plan.id().equals(planId)) {
            throw ApiException.invalidField("id", "must be the plan id of the path, " + planId);
        }
        boolean created = plans.load(plan, actor.name(), activate);
        PlanSummary summary = PlanSummary.of(plans.find(planId).orElseThrow());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(summary);
    }

    /** Puts a loaded plan in force. */
    @PostMapping("/{planId}/activation")
    @Allowed(Role.ADMIN)
    PlanSummary activate(@PathVariable String planId, Actor actor) {
        plans.makeActive(planId);
        return PlanSummary.of(plans.find(planId).orElseThrow());
    }
}
