package cn.chenzhou.plan.funding.specialfund;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.BusinessCalendar;
import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.funding.command.model.Recording;
import cn.chenzhou.plan.funding.command.model.Refused;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFund;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
 * A configured budget above the plan's yearly figure is a configuration error: such a budget needs the plan
 * office's approval, which only the API can give.
 */
@Component
class BudgetOpening implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(BudgetOpening.class);

    private final SpecialFundStore store;
    private final BusinessCalendar calendar;
    private final ConfiguredBudgets budgets;
    private final SpecialFundSettings settings;
    private final String actor;

    BudgetOpening(SpecialFundStore store, BusinessCalendar calendar, SpecialFundSettings settings,
                  @Value("${spring.application.name}") String application) {
        this.store = store;
        this.calendar = calendar;
        this.budgets = ConfiguredBudgets.parse(settings.budgets());
        this.settings = settings;
        this.actor = application;
        budgets.byYear().forEach((year, budget) -> {
            if (SpecialFund.needsApproval(budget, settings.planFigure())) {
                throw new IllegalStateException("the configured " + year + " special-fund budget of " + budget
                        + " is above the plan's yearly figure of " + settings.planFigure()
                        + ": propose it through the API for the plan office to approve");
            }
        });
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.openConfiguredBudgets()) {
            return;
        }
        for (Map.Entry<Integer, Money> configured : budgets.byYear().entrySet()) {
            int year = configured.getKey();
            LocalDate today = calendar.today();
            // effective from the first day of its year; a future year's budget is opened today, never in the future
            LocalDate openedOn = LocalDate.of(year, 1, 1).isAfter(today) ? today : LocalDate.of(year, 1, 1);
            Optional<SpecialFund> stored = store.find(year).map(Versioned::state);
            if (stored.isPresent() && (stored.get().isOpen() || stored.get().pendingProposal().isPresent())) {
                stored.filter(f -> f.isOpen() && !f.budget().equals(configured.getValue()))
                        .ifPresent(f -> log.info("the {} special fund is open with {}; the configured {} is not applied "
                                + "(revise the budget through the API)", year, f.budget(), configured.getValue()));
                continue;
            }
            try {
                store.change(year, fund -> fund.open(configured.getValue(), openedOn, settings.planFigure(),
                                new Recording(calendar.now(), actor, null)),
                        done -> List.of(SpecialFundEventMapping.opened(done.after(), null)), actor);
                log.info("opened the {} special fund with its configured budget of {}", year, configured.getValue());
            } catch (Refused alreadyOpen) {
                // another instance opened it in the meantime, or a proposal came in: either way it is not ours to open
                log.info("the {} special fund was not opened from the configuration: {}", year, alreadyOpen.getMessage());
            }
        }
    }
}
