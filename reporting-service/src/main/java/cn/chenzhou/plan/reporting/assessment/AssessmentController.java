package cn.chenzhou.plan.reporting.assessment;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.reporting.assessment.model.CountyAssessment;
import cn.chenzhou.plan.reporting.scorecard.Reports;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The county performance assessment (绩效考核): counties ranked by their weighted score. */
@RestController
class AssessmentController {
    private final Reports reports;

    AssessmentController(Reports reports) {
        this.reports = reports;
    }

    record CountyRank(int rank, String county, String name, String nameEn, BigDecimal score,
                      List<CountyAssessment.TargetScore> targets) {
        static CountyRank of(CountyAssessment.CountyScore s) {
            County c = County.ofCode(s.county());
            return new CountyRank(s.rank(), s.county(), c.chineseName(), c.englishName(), s.score(), s.targets());
        }
    }

    record Assessment(String planId, LocalDate asOf, List<CountyRank> counties) {
    }

    /** A county portal sees its own line (with its rank); everyone else the whole ranking. */
    @GetMapping("/api/reports/assessment")
    Assessment assessment(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                          Actor actor) {
        LocalDate date = reports.dateOrLive(asOf);
        List<CountyRank> ranks = reports.assessment(date).stream()
                .filter(s -> actor.mayRead(s.county())).map(CountyRank::of).toList();
        return new Assessment(reports.plan().id(), date, ranks);
    }
}
