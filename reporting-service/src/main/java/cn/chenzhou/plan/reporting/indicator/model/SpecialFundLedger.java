package cn.chenzhou.plan.reporting.indicator.model;

import cn.chenzhou.plan.reporting.facts.model.FactBook;
import cn.chenzhou.plan.reporting.facts.model.Facts;
import cn.chenzhou.plan.reporting.facts.model.Timeline;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The special fund (三年行动计划专项资金) as of a date, per year: budget, allocated, disbursed, clawed back, left.
 * A revoked allocation contributes nothing from its revocation's date, neither to allocated nor to disbursed
 * (its undisbursed part returns to the budget); its disbursed part is clawed back, and counts against the budget
 * from then on, as funding-service counts it.
 */
final class SpecialFundLedger {
    private SpecialFundLedger() {
    }

    static Measures yearly(FactBook f, Window w) {
        List<Measure.YearFigure> years = new ArrayList<>();
        for (int y = w.periodStart().getYear(); y <= w.periodEnd().getYear(); y++) {
            years.add(year(f, y, w.asOf()));
        }
        return new Measures(new Measure.Yearly(years), allocatedByCounty(f, w).counties());
    }

    static Measures allocated(FactBook f, Window w) {
        return allocatedByCounty(f, w);
    }

    static Measure.YearFigure year(FactBook f, int year, LocalDate asOf) {
        Timeline.Dated<Long> budget = null;
        for (Facts.SpecialFundBudget b : f.all(Facts.SpecialFundBudget.class)) {
            if (b.year() != year) {
                continue;
            }
            Timeline.Dated<Long> e = b.budgetFen().at(asOf);
            if (e != null && (budget == null || !e.on().isBefore(budget.on()))) {
                budget = e;
            }
        }
        long allocated = 0;
        int allocations = 0;
        Map<String, Boolean> live = new HashMap<>();
        for (Facts.Allocation a : f.all(Facts.Allocation.class)) {
            if (a.year() == year && !a.allocatedOn().isAfter(asOf)) {
                boolean revoked = revoked(f, a.id(), asOf);
                live.put(a.id(), !revoked);
                if (!revoked) {
                    allocated = Math.addExact(allocated, a.amountFen());
                    allocations++;
                }
            }
        }
        long disbursed = 0;
        for (Facts.Disbursement d : f.all(Facts.Disbursement.class)) {
            if (d.year() == year && !d.disbursedOn().isAfter(asOf)
                    && live.getOrDefault(d.allocationId(), !revoked(f, d.allocationId(), asOf))) {
                disbursed = Math.addExact(disbursed, d.amountFen());
            }
        }
        long clawedBack = 0;
        for (Facts.AllocationRevocation r : f.all(Facts.AllocationRevocation.class)) {
            if (r.year() == year && !r.revokedOn().isAfter(asOf)) {
                clawedBack = Math.addExact(clawedBack, r.clawedBackFen());
            }
        }
        return new Measure.YearFigure(year, budget == null ? null : budget.value(), allocated, disbursed, clawedBack,
                allocations);
    }

    private static boolean revoked(FactBook f, String allocationId, LocalDate asOf) {
        Facts.AllocationRevocation r = f.get(Facts.AllocationRevocation.class, allocationId);
        return r != null && !r.revokedOn().isAfter(asOf);
    }

    private static Measures allocatedByCounty(FactBook f, Window w) {
        Map<String, Long> fen = new HashMap<>();
        for (Facts.Allocation a : f.all(Facts.Allocation.class)) {
            if (w.counts(a.allocatedOn()) && !revoked(f, a.id(), w.asOf())) {
                fen.merge(a.county(), a.amountFen(), Math::addExact);
            }
        }
        return Indicators.amounts(fen);
    }
}
