package cn.chenzhou.plan.reporting.funding;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.reporting.funding.model.FundingProgress;
import cn.chenzhou.plan.reporting.scorecard.Reports;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Funding progress toward the plan's goal (F1) and each year's special fund (F2); amounts in yuan, exact. */
@RestController
class FundingController {
    private final Reports reports;

    FundingController(Reports reports) {
        this.reports = reports;
    }

    record Secured(Money secured, Money reversed, Money net, Money goal, Money expected, BigDecimal progressPercent,
                   Map<String, Money> byLevel, Map<String, Money> byScope) {
    }

    /**
     * @param left      budget − allocated − clawed back: funding-service's {@code remaining}
     * @param overspent more committed (allocated + clawed back) than the budget or than the plan's yearly figure
     */
    record SpecialFundYear(int year, Money budget, Money allocated, Money disbursed, Money clawedBack, Money left,
                           int allocations, boolean overspent, Money figure) {
    }

    record Funding(String planId, LocalDate asOf, Secured secured, List<SpecialFundYear> specialFund) {
    }

    /** A county portal sees the city's totals and its own county's share of them, not the other counties'. */
    @GetMapping("/api/reports/funding")
    Funding funding(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                    Actor actor) {
        FundingProgress.Progress p = reports.funding(asOf);
        FundingProgress.SecuredFunds s = p.secured();
        Map<String, Money> byLevel = new LinkedHashMap<>();
        s.byLevel().forEach((k, v) -> byLevel.put(k, Money.ofFen(v)));
        Map<String, Money> byScope = new LinkedHashMap<>();
        s.byScope().forEach((k, v) -> {
            if (County.CITY_CODE.equals(k) ? !actor.isCountyPortal() : actor.mayRead(k)) {
                byScope.put(k, Money.ofFen(v));
            }
        });
        BigDecimal progress = s.goalFen() == null || s.goalFen() == 0 ? null
                : BigDecimal.valueOf(s.netFen()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(s.goalFen()), 2, RoundingMode.HALF_UP);
        Secured secured = new Secured(Money.ofFen(s.securedFen()), Money.ofFen(s.reversedFen()), Money.ofFen(s.netFen()),
                s.goalFen() == null ? null : Money.ofFen(s.goalFen()), s.expectedFen() == null ? null : Money.ofFen(s.expectedFen()),
                progress, byLevel, byScope);
        List<SpecialFundYear> years = new ArrayList<>();
        for (FundingProgress.SpecialFundYear y : p.specialFund()) {
            years.add(new SpecialFundYear(y.year(), y.budgetFen() == null ? null : Money.ofFen(y.budgetFen()),
                    Money.ofFen(y.allocatedFen()), Money.ofFen(y.disbursedFen()), Money.ofFen(y.clawedBackFen()),
                    Money.ofFen(y.leftFen()), y.allocations(),
                    y.overspent(), y.figureFen() == null ? null : Money.ofFen(y.figureFen())));
        }
        return new Funding(reports.plan().id(), p.asOf(), secured, years);
    }
}
