package cn.chenzhou.plan.reporting.alert;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.PageParameters;
import cn.chenzhou.plan.chassis.web.PageView;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.reporting.scorecard.Reports;
import cn.chenzhou.plan.reporting.scorecard.model.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Alerts (a target fell behind or is at risk) and recoveries of the plan in force, newest first. */
@RestController
@RequestMapping("/api/reports/alerts")
class AlertController {
    private static final int KEPT = 1000;
    private final AlertLog alerts;
    private final Reports reports;

    AlertController(AlertLog alerts, Reports reports) {
        this.alerts = alerts;
        this.reports = reports;
    }

    record AlertView(String alertId, String planId, String targetId, String scope, String scopeName, Status fromStatus,
                     Status toStatus, String value, String goal, LocalDate asOf, Instant raisedAt) {
        static AlertView of(AlertLog.Alert a) {
            String name = County.CITY_CODE.equals(a.scope()) ? County.CITY_NAME : County.ofCode(a.scope()).chineseName();
            return new AlertView(a.change().alertId(), a.planId(), a.targetId(), a.scope(), name, a.change().fromStatus(),
                    a.change().toStatus(), a.change().value(), a.change().goal(), a.change().asOf(), a.change().at());
        }
    }

    /** A county portal sees its own county's alerts; everyone else sees all. {@code scope} narrows to one scope. */
    @GetMapping
    PageView<AlertView> list(PageParameters paging, @RequestParam(required = false) String scope, Actor actor) {
        if (scope != null && !County.isCountyOrCityCode(scope)) {
            throw ApiException.invalidField("scope", "must be a county code or 431000 for the city");
        }
        List<AlertLog.Alert> all = alerts.recent(reports.plan().id(),
                s -> actor.mayRead(s) && !(actor.isCountyPortal() && County.CITY_CODE.equals(s)) && (scope == null || scope.equals(s)),
                KEPT);
        return paging.of(all, AlertView::of);
    }
}
