package cn.chenzhou.plan.funding.matchingfunds.model;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.model.Recording;
import cn.chenzhou.plan.funding.command.model.Refusal;
import cn.chenzhou.plan.funding.command.model.Refused;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Matching funds: never more recorded as paid than the county committed. */
class MatchingFundsTest {
    private static final Recording AT = new Recording(Instant.parse("2013-06-01T00:00:00Z"), "someone", null);

    @Test
    void paymentsStayWithinTheCommitment() {
        MatchingFunds funds = MatchingFunds.none("431081", 2013)
                .commit("c1", new RecordMatchingFunds(Money.ofYuan(300_000), LocalDate.of(2013, 3, 1), "资政发〔2013〕3号"), AT).after()
                .pay("p1", new RecordMatchingFunds(Money.ofYuan(200_000), LocalDate.of(2013, 6, 1), "凭证-17"), AT).after();
        assertThat(funds.unpaid()).isEqualTo(Money.ofYuan(100_000));

        MatchingFunds partly = funds;
        try {
            partly.pay("p2", new RecordMatchingFunds(Money.parseYuan("100000.01"), LocalDate.of(2013, 7, 1), "凭证-18"), AT);
            throw new AssertionError("over-payment accepted");
        } catch (Refused refused) {
            assertThat(refused.refusal().type()).isEqualTo("over-payment");
            assertThat(refused.refusal().facts()).containsEntry("remaining", Money.ofYuan(100_000));
        }
    }

    @Test
    void oneEntryAndACountyYearsCommitmentsStayUnderTheirCeilings() {
        Refusal tooLarge = refusalOf(() -> MatchingFunds.none("431081", 2013).commit("c1",
                new RecordMatchingFunds(Money.parseYuan("9999999999.99"), LocalDate.of(2013, 3, 1), "doc"), AT));
        assertThat(tooLarge.field()).isEqualTo("amount");
        assertThat(tooLarge.facts()).containsEntry("ceiling", Money.ofYuan(100_000_000));

        MatchingFunds funds = MatchingFunds.none("431081", 2013);
        for (int i = 0; i < 10; i++) {
            funds = funds.commit("c" + i, new RecordMatchingFunds(Money.ofYuan(100_000_000), LocalDate.of(2013, 3, 1), "doc"), AT)
                    .after();
        }
        MatchingFunds full = funds;
        assertThat(full.committed()).isEqualTo(MatchingFunds.YEAR_CEILING);
        Refusal overTotal = refusalOf(() -> full.commit("c10",
                new RecordMatchingFunds(Money.parseYuan("0.01"), LocalDate.of(2013, 3, 1), "doc"), AT));
        assertThat(overTotal.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(overTotal.type()).isEqualTo("total-over-ceiling");
        assertThat(overTotal.facts()).containsEntry("field", "amount").containsEntry("ceiling", MatchingFunds.YEAR_CEILING)
                .containsEntry("total", MatchingFunds.YEAR_CEILING);
    }

    private static Refusal refusalOf(Runnable command) {
        try {
            command.run();
        } catch (Refused refused) {
            return refused.refusal();
        }
        throw new AssertionError("the command was not refused");
    }
}
