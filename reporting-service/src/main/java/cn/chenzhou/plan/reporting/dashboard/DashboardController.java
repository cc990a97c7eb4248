package cn.chenzhou.plan.reporting.dashboard;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.reporting.plan.model.PlanDefinition;
import cn.chenzhou.plan.reporting.scorecard.Reports;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard at {@code /dashboard}: Chinese first ({@code ?lang=en} for English). The page draws itself from the
 * report API and listens at {@code /dashboard/stream} for live updates; behind the gateway the browser's session
 * becomes a bearer token, so these pages are protected like every API.
 */
@Controller
class DashboardController {
    private final Reports reports;
    private final DashboardStream stream;
    private final JsonMapper json;

    DashboardController(Reports reports, DashboardStream stream, JsonMapper json) {
        this.reports = reports;
        this.stream = stream;
        this.json = json;
    }

    @GetMapping({"/dashboard", "/dashboard/"})
    String dashboard(@RequestParam(defaultValue = "zh") String lang, Model model, Actor actor) {
        String language = "en".equals(lang) ? "en" : "zh";
        PlanDefinition plan = reports.plan();
        List<Map<String, String>> counties = new ArrayList<>();
        for (County c : County.values()) {
            if (actor.mayRead(c.code())) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("code", c.code());
                m.put("zh", c.chineseName());
                m.put("en", c.englishName());
                counties.add(m);
            }
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("lang", language);
        context.put("liveDate", reports.liveDate().toString());
        context.put("planStart", plan.start().toString());
        context.put("planEnd", plan.end().toString());
        context.put("counties", counties);
        context.put("viewer", actor.name());
        context.put("countyPortal", actor.isCountyPortal());
        model.addAttribute("lang", language);
        model.addAttribute("title", plan.name().in(language));
        model.addAttribute("document", plan.document());
        model.addAttribute("context", json.writeValueAsString(context));
        return "dashboard";
    }

    @GetMapping(path = "/dashboard/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Actor actor) {
        return stream.open(actor);
    }
}
