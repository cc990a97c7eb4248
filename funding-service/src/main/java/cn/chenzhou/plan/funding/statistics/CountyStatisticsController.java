package cn.chenzhou.plan.funding.statistics;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.security.Allowed;
import cn.chenzhou.plan.chassis.security.Role;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.CountyCode;
import cn.chenzhou.plan.chassis.web.PageParameters;
import cn.chenzhou.plan.chassis.web.PageView;
import cn.chenzhou.plan.chassis.web.PositiveAmount;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.Answers;
import cn.chenzhou.plan.funding.command.CountyYearPages;
import cn.chenzhou.plan.funding.command.BusinessCalendar;
import cn.chenzhou.plan.chassis.web.NonNegativeAmount;
import cn.chenzhou.plan.funding.command.Text;
import cn.chenzhou.plan.funding.command.model.Outcome;
import cn.chenzhou.plan.funding.command.model.Refusal;
import cn.chenzhou.plan.funding.command.model.Recording;
import cn.chenzhou.plan.funding.statistics.model.CountyStatistics;
import cn.chenzhou.plan.funding.statistics.model.Figures;
import cn.chenzhou.plan.funding.statistics.model.StatisticsRevision;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * County annual S&T investment statistics (T9, T10, F3): a county portal files and revises its own county's;
 * everyone else reads them.
 */
@RestController
@RequestMapping("/api/funding/county-statistics")
class CountyStatisticsController {
    private final CountyStatisticsStore store;
    private final BusinessCalendar calendar;

    CountyStatisticsController(CountyStatisticsStore store, BusinessCalendar calendar) {
        this.store = store;
        this.calendar = calendar;
    }

    record FileRequest(@NotNull @CountyCode String county, @NotNull Integer year,
                       @NotNull @PositiveAmount Money fiscalExpenditure,
                       @NotNull @NonNegativeAmount Money fiscalStExpenditure,
                       @NotNull @PositiveAmount Money recurringRevenue,
                       @NotNull @NonNegativeAmount Money enterpriseRd,
                       @NotNull @NonNegativeAmount Money societyRd,
                       @NotNull LocalDate filedOn) {
        Figures figures() {
            return new Figures(fiscalExpenditure, fiscalStExpenditure, recurringRevenue, enterpriseRd, societyRd);
        }
    }

    record ReviseRequest(@NotNull @Min(1) Integer supersedesRevision,
                         @NotNull @PositiveAmount Money fiscalExpenditure,
                         @NotNull @NonNegativeAmount Money fiscalStExpenditure,
                         @NotNull @PositiveAmount Money recurringRevenue,
                         @NotNull @NonNegativeAmount Money enterpriseRd,
                         @NotNull @NonNegativeAmount Money societyRd,
                         @NotNull LocalDate filedOn,
                         @NotBlank @Size(max = 500) String reason) {
        Figures figures() {
            return new Figures(fiscalExpenditure, fiscalStExpenditure, recurringRevenue, enterpriseRd, societyRd);
        }
    }

    /**
     * One revision of a county-year's figures, with the shares behind T9 ({@code fiscalStShare}, % of fiscal
     * expenditure; the plan asks ≥ 1.3) and T10 ({@code enterpriseRdShare}, % of whole-society R&D; ≥ 70).
     */
    record RevisionView(String statisticsId, String county, int year, int revision, Money fiscalExpenditure,
                        Money fiscalStExpenditure, Money recurringRevenue, Money enterpriseRd, Money societyRd,
                        BigDecimal fiscalStShare, BigDecimal enterpriseRdShare, LocalDate filedOn, String reason,
                        Instant recordedAt, String recordedBy) {
        static RevisionView of(CountyStatistics s, StatisticsRevision r) {
            Figures f = r.figures();
            return new RevisionView(CountyStatisticsStore.idOf(s.county(), s.year()), s.county(), s.year(),
                    r.revision(), f.fiscalExpenditure(), f.fiscalStExpenditure(), f.recurringRevenue(),
                    f.enterpriseRd(), f.societyRd(), f.fiscalStShare(), f.enterpriseRdShare(), r.filedOn(),
                    r.reason(), r.recorded().at(), r.recorded().by());
        }
    }

    /** A county-year: the revision that counts, and every revision ever filed (oldest first). */
    record StatisticsView(RevisionView current, List<RevisionView> revisions) {
        static StatisticsView of(CountyStatistics s) {
            return new StatisticsView(RevisionView.of(s, s.current()),
                    s.revisions().stream().map(r -> RevisionView.of(s, r)).toList());
        }
    }

    @PostMapping
    @Allowed(Role.COUNTY)
    ResponseEntity<RevisionView> file(@Valid @RequestBody FileRequest request, Actor actor) {
        actor.requireCounty(request.county());
        int year = calendar.pastOrCurrentYear("year", request.year());
        calendar.notInFuture("filedOn", request.filedOn());
        CountyStatistics filed = CountyStatistics.file(request.county(), year, request.figures(), request.filedOn(),
                new Recording(calendar.now(), actor.name(), null));
        Outcome<CountyStatistics, StatisticsRevision> outcome = store.file(filed, actor.name());
        return Answers.of(outcome, location(request.county(), year), RevisionView.of(outcome.after(), outcome.result()));
    }

    /** Files a revision of {@code supersedesRevision}; 409 {@code stale-revision} if a later one came in since. */
    @PostMapping("/{county}/{year}/revisions")
    @Allowed(Role.COUNTY)
    ResponseEntity<RevisionView> revise(@PathVariable String county, @PathVariable int year,
                                        @Valid @RequestBody ReviseRequest request, Actor actor) {
        if (!actor.mayRead(county)) {
            // another county's statistics do not exist for this portal: answered as missing ones are
            throw Refusal.notFound("county statistics", CountyStatisticsStore.idOf(county, year));
        }
        calendar.notInFuture("filedOn", request.filedOn());
        Outcome<CountyStatistics, StatisticsRevision> outcome = store.revise(county, year,
                s -> s.revise(request.supersedesRevision(), request.figures(), request.filedOn(),
                        Text.clean(request.reason()), calendar.recording(actor, null)), actor.name());
        return Answers.of(outcome, location(county, year), RevisionView.of(outcome.after(), outcome.result()));
    }

    @GetMapping
    PageView<RevisionView> list(@RequestParam(required = false) @CountyCode String county,
                                @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
                                PageParameters paging, Actor actor) {
        return CountyYearPages.page(actor, county, year, paging, store::count, store::find,
                s -> RevisionView.of(s, s.current()));
    }

    @GetMapping("/{county}/{year}")
    StatisticsView get(@PathVariable String county, @PathVariable int year, Actor actor) {
        if (!actor.mayRead(county)) {
            throw ApiException.notFound("county statistics", CountyStatisticsStore.idOf(county, year));
        }
        return store.find(county, year).map(StatisticsView::of)
                .orElseThrow(() -> ApiException.notFound("county statistics", CountyStatisticsStore.idOf(county, year)));
    }

    private static URI location(String county, int year) {
        return URI.create("/api/funding/county-statistics/" + county + "/" + year);
    }
}
