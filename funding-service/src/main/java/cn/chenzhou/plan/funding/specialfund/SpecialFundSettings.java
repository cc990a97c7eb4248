package cn.chenzhou.plan.funding.specialfund;

import cn.chenzhou.plan.contracts.Money;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The special fund's configuration ({@code funding.special-fund.*}).
 *
 * @param budgets                the years opened at start-up with their budgets, {@code year=yuan,…} ({@link ConfiguredBudgets})
 * @param openConfiguredBudgets  whether to open them (a year already open is left alone)
 * @param planYearlyFigure       the plan's special fund per year (F2, ¥2,000,000 in the 2012–2014 plan), in yuan: a
 *                               budget above it takes effect only when the plan office approves it
 */
@ConfigurationProperties("funding.special-fund")
record SpecialFundSettings(String budgets, boolean openConfiguredBudgets, String planYearlyFigure) {

    SpecialFundSettings {
        Money figure = Money.parseYuan(planYearlyFigure);
        if (!figure.isPositive()) {
            throw new IllegalArgumentException("funding.special-fund.plan-yearly-figure must be more than zero");
        }
    }

    Money planFigure() {
        return Money.parseYuan(planYearlyFigure);
    }
}
