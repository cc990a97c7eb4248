package cn.chenzhou.plan.reporting.indicator.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** What an indicator says for one scope on one date. "No data" is its own answer, never zero. */
public sealed interface Measure permits Measure.Count, Measure.Amount, Measure.Ratio, Measure.NoData, Measure.Growth,
        Measure.Yearly {

    /** A number of things (platforms, counties, achievements). */
    record Count(long n) implements Measure {
    }

    /** Money, exact in fen. */
    record Amount(long fen) implements Measure {
        public BigDecimal yuan() {
            return BigDecimal.valueOf(fen, 2);
        }
    }

    /** A share: numerator over denominator (both exact), for the reported year if it is a yearly figure. */
    record Ratio(long numerator, long denominator, Integer year) implements Measure {
        public Ratio {
            if (denominator <= 0) {
                throw new IllegalArgumentException("a ratio needs a positive denominator");
            }
        }

        /** The share in percent, 4 decimals. */
        public BigDecimal percent() {
            return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
        }

        /** Exactly whether the share reaches {@code percent}: numerator × 100 ≥ percent × denominator. */
        public boolean reaches(BigDecimal percent) {
            return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                    .compareTo(percent.multiply(BigDecimal.valueOf(denominator))) >= 0;
        }
    }

    /** Nothing to judge: no filing, no larger enterprise, no assessment yet. */
    record NoData(String reason) implements Measure {
    }

    /** Year-on-year comparisons of two growth rates (F3). */
    record Growth(List<YearComparison> years) implements Measure {
        public Growth {
            years = List.copyOf(years);
        }

        public boolean allFaster() {
            return years.stream().allMatch(YearComparison::faster);
        }

        public long fasterYears() {
            return years.stream().filter(YearComparison::faster).count();
        }
    }

    /**
     * One year compared with the year before.
     *
     * @param growthPercent         growth of the measured figure (e.g. fiscal S&T input), percent
     * @param comparedGrowthPercent growth of the figure it must outgrow (e.g. recurring revenue), percent
     */
    record YearComparison(int year, BigDecimal growthPercent, BigDecimal comparedGrowthPercent, boolean faster) {
    }

    /** A figure per year (the special fund's budgets). */
    record Yearly(List<YearFigure> years) implements Measure {
        public Yearly {
            years = List.copyOf(years);
        }
    }

    /**
     * One year of the special fund as of the date, by funding-service's rule (its owner's): what counts against the
     * budget ({@code committed}) is the standing allocations plus the money paid out under revoked ones and clawed
     * back — it went back to the treasury, not to the year's budget — and what is left is the budget less that.
     *
     * @param budgetFen    null if the year's budget was not opened yet
     * @param clawedBackFen disbursed money of allocations revoked by the date
     */
    record YearFigure(int year, Long budgetFen, long allocatedFen, long disbursedFen, long clawedBackFen,
                      int allocations) {
        public long committedFen() {
            return Math.addExact(allocatedFen, clawedBackFen);
        }

        public boolean overspent() {
            return budgetFen != null && committedFen() > budgetFen;
        }

        /** budget − allocated − clawed back: funding-service's {@code remaining}. */
        public long leftFen() {
            return Math.subtractExact(budgetFen == null ? 0 : budgetFen, committedFen());
        }
    }
}
