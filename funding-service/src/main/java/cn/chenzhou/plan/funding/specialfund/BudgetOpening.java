package cn.chenzhou.plan.funding.specialfund;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.BusinessCalendar;
import cn.chenzhou.plan.funding.command.model.Recording;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFund;
import java.time.LocalDate;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Opens the configured yearly budgets when the service starts, idempotently: a year already open — by an earlier
 * start, another instance, or a finance officer — is left exactly as it is (its budget is changed only by a
 * revision, which the ledger shows). Years not configured are opened by the finance section through the API.
 */
@Component
class BudgetOpening implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(BudgetOpening.class);

    private final SpecialFundStore store;
    private final BusinessCalendar calendar;
    private final ConfiguredBudgets budgets;
    private final boolean enabled;
    private final String actor;

    BudgetOpening(SpecialFundStore store, BusinessCalendar calendar,
                  @Value("${funding.special-fund.budgets}") String budgets,
                  @Value("${funding.special-fund.open-configured-budgets}") boolean enabled,
                  @Value("${spring.application.name}") String application) {
        this.store = store;
        this.calendar = calendar;
        this.budgets = ConfiguredBudgets.parse(budgets);
        this.enabled = enabled;
        this.actor = application;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        for (Map.Entry<Integer, Money> configured : budgets.byYear().entrySet()) {
            int year = configured.getKey();
            LocalDate today = calendar.today();
            // effective from the first day of its year; a future year's budget is opened today, never in the future
            LocalDate openedOn = LocalDate.of(year, 1, 1).isAfter(today) ? today : LocalDate.of(year, 1, 1);
            SpecialFund fund = SpecialFund.open(year, configured.getValue(), openedOn,
                    new Recording(calendar.now(), actor, null));
            if (store.open(fund, actor)) {
                log.info("opened the {} special fund with its configured budget of {}", year, configured.getValue());
            } else {
                store.find(year).filter(f -> !f.state().budget().equals(configured.getValue()))
                        .ifPresent(f -> log.info("the {} special fund is open with {}; the configured {} is not applied "
                                + "(revise the budget through the API)", year, f.state().budget(), configured.getValue()));
            }
        }
    }
}
