package cn.chenzhou.plan.funding.securedfunds.model;

import cn.chenzhou.plan.contracts.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Progress toward the plan's secured-funds target (F1: ¥150,000,000 over 2012–2014), as of a date: entries
 * secured inside the plan period and on or before that date, less their reversals effective on or before it.
 *
 * @param percentOfTarget net secured as a percentage of the target, two decimals, rounded down
 */
public record SecuredFundsProgress(Money target, LocalDate periodStart, LocalDate periodEnd, LocalDate asOf,
                                   Money secured, Money reversed, Money net, String percentOfTarget,
                                   Money toGo, Map<Level, Money> byLevel, Map<Integer, Money> byYear,
                                   Map<String, Money> byCounty, int entries) {

    public static SecuredFundsProgress of(Money target, LocalDate periodStart, LocalDate periodEnd, LocalDate asOf,
                                          List<CorrectedEntry> all) {
        Money secured = Money.ZERO;
        Money reversed = Money.ZERO;
        Map<Level, Money> byLevel = new TreeMap<>();
        Map<Integer, Money> byYear = new TreeMap<>();
        Map<String, Money> byCounty = new TreeMap<>();
        int counted = 0;
        for (CorrectedEntry corrected : all) {
            SecuredFundsEntry e = corrected.entry();
            if (e.securedOn().isBefore(periodStart) || e.securedOn().isAfter(periodEnd) || e.securedOn().isAfter(asOf)) {
                continue;
            }
            counted++;
            Money net = e.amount();
            secured = secured.plus(e.amount());
            for (ReversingEntry r : corrected.reversals()) {
                if (!r.reversedOn().isAfter(asOf)) {
                    reversed = reversed.plus(r.amount());
                    net = net.minus(r.amount());
                }
            }
            byLevel.merge(e.level(), net, Money::plus);
            byYear.merge(e.securedOn().getYear(), net, Money::plus);
            byCounty.merge(e.county(), net, Money::plus);
        }
        Money net = secured.minus(reversed);
        String percent = BigDecimal.valueOf(net.fen()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(target.fen()), 2, RoundingMode.DOWN).toPlainString();
        Money toGo = net.exceeds(target) ? Money.ZERO : target.minus(net);
        return new SecuredFundsProgress(target, periodStart, periodEnd, asOf, secured, reversed, net, percent, toGo,
                byLevel, byYear, byCounty, counted);
    }

    /** The same progress with the per-county breakdown cut to one county (what a county portal sees). */
    public SecuredFundsProgress forCounty(String county) {
        Map<String, Money> one = new TreeMap<>();
        if (byCounty.containsKey(county)) {
            one.put(county, byCounty.get(county));
        }
        return new SecuredFundsProgress(target, periodStart, periodEnd, asOf, secured, reversed, net, percentOfTarget,
                toGo, byLevel, byYear, one, entries);
    }
}
