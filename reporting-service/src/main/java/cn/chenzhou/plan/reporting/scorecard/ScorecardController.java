package cn.chenzhou.plan.reporting.scorecard;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.reporting.indicator.model.Indicator;
import cn.chenzhou.plan.reporting.indicator.model.Indicators;
import cn.chenzhou.plan.reporting.indicator.model.Measure;
import cn.chenzhou.plan.reporting.indicator.model.Measures;
import cn.chenzhou.plan.reporting.indicator.model.Unit;
import cn.chenzhou.plan.reporting.plan.model.LocalizedText;
import cn.chenzhou.plan.reporting.plan.model.PlanDefinition;
import cn.chenzhou.plan.reporting.plan.model.TargetDefinition;
import cn.chenzhou.plan.reporting.scorecard.model.Reading;
import cn.chenzhou.plan.reporting.scorecard.model.Scorecard;
import cn.chenzhou.plan.reporting.scorecard.model.Status;
import cn.chenzhou.plan.reporting.scorecard.model.TargetResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Scorecards (city-wide and per county) as of any date, and the time series of every target and indicator. */
@RestController
@RequestMapping("/api/reports")
class ScorecardController {
    private final Reports reports;
    private final cn.chenzhou.plan.reporting.facts.FactsReadModel facts;

    ScorecardController(Reports reports, cn.chenzhou.plan.reporting.facts.FactsReadModel facts) {
        this.reports = reports;
        this.facts = facts;
    }

    @GetMapping("/scorecard")
    ScorecardView scorecard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                            Actor actor) {
        return ScorecardView.of(reports.scorecard(asOf), actor);
    }

    record CountyTarget(String id, LocalizedText label, boolean judgedPerCounty, String goal, Status status, String value,
                        BigDecimal number, String detail, Status cityStatus, String cityValue) {
    }

    record CountyScorecard(String county, String name, String nameEn, String planId, LocalDate asOf,
                           List<CountyTarget> targets) {
    }

    /** One county's view: its line of every target (judged, or its contribution to a city-wide target). */
    @GetMapping("/scorecard/counties/{county}")
    CountyScorecard county(@PathVariable String county,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                           Actor actor) {
        County c = readableCounty(county, actor);
        Scorecard s = reports.scorecard(asOf);
        List<CountyTarget> lines = new ArrayList<>();
        for (TargetResult t : s.targets()) {
            Reading r = t.counties().get(county);
            lines.add(new CountyTarget(t.target().id(), t.target().label(), t.target().perCounty(), t.goal(), r.status(),
                    r.value(), r.number(), r.detail(), t.city().status(), t.city().value()));
        }
        return new CountyScorecard(county, c.chineseName(), c.englishName(), s.plan().id(), s.asOf(), lines);
    }

    record SeriesPoint(LocalDate date, Status status, String value, BigDecimal number, BigDecimal expected) {
    }

    record TargetSeries(String targetId, LocalizedText label, String scope, String goal, List<SeriesPoint> points) {
    }

    /** A target month by month over the plan period, for the city ({@code scope=431000}, default) or a county. */
    @GetMapping("/targets/{targetId}/series")
    TargetSeries targetSeries(@PathVariable String targetId, @RequestParam(defaultValue = County.CITY_CODE) String scope,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              Actor actor) {
        boolean city = County.CITY_CODE.equals(scope);
        if (!city) {
            readableCounty(scope, actor);
        }
        TargetDefinition target = reports.target(targetId);
        List<SeriesPoint> points = new ArrayList<>();
        String goal = null;
        for (Reports.Point p : reports.series(target, from, to)) {
            TargetResult r = p.result();
            Reading reading = city ? r.city() : r.counties().get(scope);
            goal = r.goal();
            points.add(new SeriesPoint(p.date(), reading.status(), reading.value(), reading.number(),
                    city ? r.expected() : null));
        }
        return new TargetSeries(targetId, target.label(), scope, goal, points);
    }

    record IndicatorView(String code, Unit unit, String nameZh, String nameEn, boolean perCountyOnly) {
    }

    @GetMapping("/indicators")
    List<IndicatorView> indicators(Actor actor) {
        return Indicators.all().stream()
                .map(i -> new IndicatorView(i.code(), i.unit(), i.nameZh(), i.nameEn(), i.perCountyOnly())).toList();
    }

    record IndicatorPoint(LocalDate date, String value, BigDecimal number) {
    }

    record IndicatorSeries(String code, String scope, List<IndicatorPoint> points) {
    }

    /** An indicator month by month (every fact in force on each date), for the city or a county. */
    @GetMapping("/indicators/{code}/series")
    IndicatorSeries indicatorSeries(@PathVariable String code, @RequestParam(defaultValue = County.CITY_CODE) String scope,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                    Actor actor) {
        Indicator indicator = Indicators.byCode(code).orElseThrow(() -> ApiException.notFound("indicator", code));
        boolean city = County.CITY_CODE.equals(scope);
        if (!city) {
            readableCounty(scope, actor);
        }
        PlanDefinition plan = reports.plan();
        List<LocalDate> dates = reports.monthEnds(from == null ? plan.start() : reports.dateOrLive(from),
                to == null ? reports.liveDate() : reports.dateOrLive(to));
        List<IndicatorPoint> points = new ArrayList<>();
        for (LocalDate d : dates) {
            Measures m = facts.read(book -> indicator.measure(book,
                    new cn.chenzhou.plan.reporting.indicator.model.Window(d, null, plan.start(), plan.end())));
            points.add(point(d, city ? m.city() : m.county(scope)));
        }
        return new IndicatorSeries(code, scope, points);
    }

    private static IndicatorPoint point(LocalDate d, Measure m) {
        if (m instanceof Measure.Count c) {
            return new IndicatorPoint(d, String.valueOf(c.n()), BigDecimal.valueOf(c.n()));
        }
        if (m instanceof Measure.Amount a) {
            return new IndicatorPoint(d, cn.chenzhou.plan.reporting.scorecard.model.Figures.yuan(a.fen()), a.yuan());
        }
        if (m instanceof Measure.Ratio r) {
            return new IndicatorPoint(d, cn.chenzhou.plan.reporting.scorecard.model.Figures.percent(r.percent()), r.percent());
        }
        if (m instanceof Measure.Growth g) {
            return new IndicatorPoint(d, g.fasterYears() + "/" + g.years().size(), BigDecimal.valueOf(g.fasterYears()));
        }
        if (m instanceof Measure.Yearly y) {
            long total = y.years().stream().mapToLong(f -> f.budgetFen() == null ? 0 : f.budgetFen()).sum();
            return new IndicatorPoint(d, cn.chenzhou.plan.reporting.scorecard.model.Figures.yuan(total), BigDecimal.valueOf(total, 2));
        }
        return new IndicatorPoint(d, "—", null);
    }

    /** A county the reader may see: 400 if not a county code, 404 for another county's portal (not even its existence). */
    static County readableCounty(String code, Actor actor) {
        County c = County.byCode(code).orElseThrow(() -> ApiException.invalidField("county",
                "must be one of the 11 Chenzhou county codes (GB/T 2260)"));
        if (!actor.mayRead(code)) {
            throw ApiException.notFound("county report", code);
        }
        return c;
    }
}
