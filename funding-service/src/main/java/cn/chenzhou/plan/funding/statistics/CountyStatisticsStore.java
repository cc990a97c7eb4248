package cn.chenzhou.plan.funding.statistics;

import cn.chenzhou.plan.chassis.outbox.AggregateAlreadyExistsException;
import cn.chenzhou.plan.chassis.outbox.AggregateCollection;
import cn.chenzhou.plan.chassis.outbox.Aggregates;
import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.contracts.funding.CountyStatisticsFiled;
import cn.chenzhou.plan.contracts.funding.FundingEvents;
import cn.chenzhou.plan.chassis.outbox.OptimisticRetry;
import cn.chenzhou.plan.funding.command.model.Outcome;
import cn.chenzhou.plan.funding.command.model.Refusal;
import cn.chenzhou.plan.funding.command.model.Refused;
import cn.chenzhou.plan.funding.statistics.model.CountyStatistics;
import cn.chenzhou.plan.funding.statistics.model.Figures;
import cn.chenzhou.plan.funding.statistics.model.StatisticsRevision;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** County statistics, one document per county and year holding every revision. */
@Component
class CountyStatisticsStore {
    private final AggregateCollection<CountyStatistics> statistics;

    CountyStatisticsStore(Aggregates aggregates) {
        this.statistics = aggregates.collection("county_statistics", CountyStatistics.class);
        statistics.index("county", "year");
        statistics.index("year");
    }

    /** The county-year id, the subject of its events: {@code 431023-2013}. */
    static String idOf(String county, int year) {
        return county + "-" + year;
    }

    Optional<CountyStatistics> find(String county, int year) {
        return statistics.find(idOf(county, year)).map(Versioned::state);
    }

    List<CountyStatistics> find(Query query) {
        return statistics.find(query).stream().map(Versioned::state).toList();
    }

    long count(Query query) {
        return statistics.count(query);
    }

    /** The first filing; a retry of it is answered with it, any other second filing is refused (revise instead). */
    Outcome<CountyStatistics, StatisticsRevision> file(CountyStatistics filed, String actor) {
        StatisticsRevision first = filed.current();
        try {
            statistics.insert(idOf(filed.county(), filed.year()), filed, List.of(event(filed, first)), actor);
            return Outcome.changed(filed, first);
        } catch (AggregateAlreadyExistsException already) {
            CountyStatistics existing = find(filed.county(), filed.year()).orElseThrow(() -> already);
            if (existing.isFirstFiling(first.figures(), first.filedOn(), actor)) {
                return Outcome.replayed(existing, existing.revisions().get(0));
            }
            throw new Refused(new Refusal.Conflict("already-filed", "county " + filed.county() + " has filed its "
                    + filed.year() + " statistics (revision " + existing.current().revision() + "); file a revision instead",
                    Map.of("county", filed.county(), "year", filed.year(), "currentRevision", existing.current().revision())));
        }
    }

    Outcome<CountyStatistics, StatisticsRevision> revise(String county, int year,
                                                         Function<CountyStatistics, Outcome<CountyStatistics, StatisticsRevision>> decision,
                                                         String actor) {
        return OptimisticRetry.run(() -> {
            Versioned<CountyStatistics> loaded = statistics.find(idOf(county, year))
                    .orElseThrow(() -> Refusal.notFound("county statistics", idOf(county, year)));
            Outcome<CountyStatistics, StatisticsRevision> outcome = decision.apply(loaded.state());
            if (outcome.changed()) {
                statistics.update(loaded, outcome.after(), List.of(event(outcome.after(), outcome.result())), actor);
            }
            return outcome;
        });
    }

    private static PendingEvent event(CountyStatistics s, StatisticsRevision r) {
        Figures f = r.figures();
        String id = idOf(s.county(), s.year());
        return new PendingEvent(FundingEvents.COUNTY_STATISTICS_FILED, id, s.county(), new CountyStatisticsFiled(id,
                s.county(), s.year(), r.revision(), f.fiscalExpenditure().fen(), f.fiscalStExpenditure().fen(),
                f.recurringRevenue().fen(), f.enterpriseRd().fen(), f.societyRd().fen(), r.filedOn().toString(),
                r.reason()));
    }
}
