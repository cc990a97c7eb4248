package cn.chenzhou.plan.reporting.projects;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.security.Allowed;
import cn.chenzhou.plan.chassis.security.Role;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.reporting.facts.FactsReadModel;
import cn.chenzhou.plan.reporting.facts.model.Facts;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Submitted projects per county, from the fact book. */
@RestController
class CountyProjectsController {
    private final FactsReadModel facts;

    CountyProjectsController(FactsReadModel facts) {
        this.facts = facts;
    }

    record CountyProjects(String county, String name, long submitted) {
    }

    @GetMapping("/api/reports/counties/{county}/projects")
    CountyProjects county(@PathVariable String county, Actor actor) {
        County c = County.byCode(county).orElseThrow(() -> ApiException.invalidField("county",
                "must be one of the 11 Chenzhou county codes (GB/T 2260)"));
        actor.requireCounty(county);
        return new CountyProjects(county, c.chineseName(), submittedByCounty().getOrDefault(county, 0L));
    }

    @GetMapping("/api/reports/projects/by-county")
    @Allowed({Role.ADMIN, Role.FINANCE, Role.VIEWER})
    List<CountyProjects> byCounty(Actor actor) {
        Map<String, Long> counts = submittedByCounty();
        return Arrays.stream(County.values())
                .map(c -> new CountyProjects(c.code(), c.chineseName(), counts.getOrDefault(c.code(), 0L)))
                .toList();
    }

    /** Projects ever submitted, per county code. */
    private Map<String, Long> submittedByCounty() {
        return facts.read(book -> {
            Map<String, Long> counts = new HashMap<>();
            for (Facts.Project p : book.all(Facts.Project.class)) {
                if (p.submittedOn() != null) {
                    counts.merge(p.county(), 1L, Long::sum);
                }
            }
            return counts;
        });
    }
}
