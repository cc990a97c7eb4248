package cn.chenzhou.plan.funding.command;

import cn.chenzhou.plan.chassis.outbox.AggregateCollection;
import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.web.PageParameters;
import cn.chenzhou.plan.chassis.web.PageView;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The list of a collection kept per county and year (matching funds, county statistics), as an actor may see it. */
public final class CountyYearPages {

    private CountyYearPages() {
    }

    /**
     * One page, by year then county, filtered by county and year when given. A county portal sees only its own
     * county: asking for another county's list gets an empty page.
     */
    public static <S, V> PageView<V> page(Actor actor, String county, Integer year, PageParameters paging,
                                          ToLongFunction<Query> count, Function<Query, List<S>> find, Function<S, V> view) {
        String scope = actor.countyScope().orElse(county);
        if (county != null && !county.equals(scope)) {
            return paging.empty();
        }
        Criteria criteria = new Criteria();
        if (scope != null) {
            criteria = criteria.and(AggregateCollection.field("county")).is(scope);
        }
        if (year != null) {
            criteria = criteria.and(AggregateCollection.field("year")).is(year);
        }
        Query query = new Query(criteria);
        long total = count.applyAsLong(query);
        query.with(Sort.by(AggregateCollection.field("year"), AggregateCollection.field("county")))
                .skip(paging.offset()).limit(paging.size());
        return paging.of(find.apply(query).stream().map(view).toList(), total);
    }
}
