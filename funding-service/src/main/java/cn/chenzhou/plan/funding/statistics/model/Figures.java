package cn.chenzhou.plan.funding.statistics.model;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.model.Refusal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A county's annual S&T investment figures (T9, T10, F3), in fen.
 *
 * @param fiscalExpenditure   财政支出, the whole of the county's fiscal spending
 * @param fiscalStExpenditure 财政科技投入, the part of it spent on S&T
 * @param recurringRevenue    经常性收入, recurring fiscal revenue
 * @param enterpriseRd        企业研发经费, enterprises' R&D spending
 * @param societyRd           全社会研发经费, the whole society's R&D spending, of which enterprises' is a part
 */
public record Figures(Money fiscalExpenditure, Money fiscalStExpenditure, Money recurringRevenue,
                      Money enterpriseRd, Money societyRd) {

    public Figures {
        Objects.requireNonNull(fiscalExpenditure, "fiscalExpenditure");
        Objects.requireNonNull(fiscalStExpenditure, "fiscalStExpenditure");
        Objects.requireNonNull(recurringRevenue, "recurringRevenue");
        Objects.requireNonNull(enterpriseRd, "enterpriseRd");
        Objects.requireNonNull(societyRd, "societyRd");
    }

    /** Refuses figures that cannot be true: wholes must be positive, parts not negative and not larger than wholes. */
    public Figures validated() {
        positive("fiscalExpenditure", fiscalExpenditure);
        positive("recurringRevenue", recurringRevenue);
        notNegative("fiscalStExpenditure", fiscalStExpenditure);
        notNegative("enterpriseRd", enterpriseRd);
        notNegative("societyRd", societyRd);
        if (fiscalStExpenditure.exceeds(fiscalExpenditure)) {
            throw Refusal.invalid("fiscalStExpenditure", "must not be larger than fiscalExpenditure ("
                    + fiscalExpenditure + "): S&T spending is part of fiscal spending");
        }
        if (enterpriseRd.exceeds(societyRd)) {
            throw Refusal.invalid("enterpriseRd", "must not be larger than societyRd (" + societyRd
                    + "): enterprises' R&D is part of the whole society's");
        }
        return this;
    }

    /** T9: fiscal S&T spending as a percentage of fiscal spending, four decimals. */
    public BigDecimal fiscalStShare() {
        return percent(fiscalStExpenditure, fiscalExpenditure);
    }

    /** T10: enterprise R&D as a percentage of the whole society's, four decimals; null when the society reported none. */
    public BigDecimal enterpriseRdShare() {
        return societyRd.isPositive() ? percent(enterpriseRd, societyRd) : null;
    }

    private static BigDecimal percent(Money part, Money whole) {
        return BigDecimal.valueOf(part.fen()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole.fen()), 4, RoundingMode.HALF_EVEN);
    }

    private static void positive(String field, Money m) {
        if (!m.isPositive()) {
            throw Refusal.invalid(field, "must be more than zero");
        }
    }

    private static void notNegative(String field, Money m) {
        if (m.isNegative()) {
            throw Refusal.invalid(field, "must be zero or more");
        }
    }
}
