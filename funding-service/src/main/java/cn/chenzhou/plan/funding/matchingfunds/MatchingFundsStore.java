package cn.chenzhou.plan.funding.matchingfunds;

import cn.chenzhou.plan.chassis.outbox.AggregateCollection;
import cn.chenzhou.plan.chassis.outbox.Aggregates;
import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.chassis.outbox.OptimisticRetry;
import cn.chenzhou.plan.funding.command.model.Outcome;
import cn.chenzhou.plan.funding.matchingfunds.model.MatchingEntry;
import cn.chenzhou.plan.funding.matchingfunds.model.MatchingFunds;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Matching funds, one document per county and year: created by its first entry, then updated under its version. */
@Component
class MatchingFundsStore {
    private final AggregateCollection<MatchingFunds> funds;

    MatchingFundsStore(Aggregates aggregates) {
        this.funds = aggregates.collection("matching_funds", MatchingFunds.class);
        funds.index("county", "year");
        funds.index("year");
    }

    static String idOf(String county, int year) {
        return "matching-funds-" + county + "-" + year;
    }

    Optional<MatchingFunds> find(String county, int year) {
        return funds.find(idOf(county, year)).map(Versioned::state);
    }

    List<MatchingFunds> find(Query query) {
        return funds.find(query).stream().map(Versioned::state).toList();
    }

    long count(Query query) {
        return funds.count(query);
    }

    Outcome<MatchingFunds, MatchingEntry> change(String county, int year,
                                                 Function<MatchingFunds, Outcome<MatchingFunds, MatchingEntry>> decision,
                                                 Function<Outcome<MatchingFunds, MatchingEntry>, PendingEvent> event,
                                                 String actor) {
        String id = idOf(county, year);
        return OptimisticRetry.run(() -> {
            Optional<Versioned<MatchingFunds>> loaded = funds.find(id);
            Outcome<MatchingFunds, MatchingEntry> outcome =
                    decision.apply(loaded.map(Versioned::state).orElse(MatchingFunds.none(county, year)));
            if (outcome.changed()) {
                if (loaded.isPresent()) {
                    funds.update(loaded.get(), outcome.after(), List.of(event.apply(outcome)), actor);
                } else {
                    funds.insert(id, outcome.after(), List.of(event.apply(outcome)), actor);
                }
            }
            return outcome;
        });
    }
}
