package cn.chenzhou.plan.projects.achievement.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chenzhou.plan.contracts.CreditCode;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.projects.lifecycle.model.IllegalTransitionException;
import cn.chenzhou.plan.projects.lifecycle.model.RuleViolationException;
import cn.chenzhou.plan.projects.lifecycle.model.Step;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AchievementTransformationTest {
    private static Step on(LocalDate date) {
        return new Step("plan-office", Instant.parse("2015-01-01T00:00:00Z"), date);
    }

    private static AchievementTransformation recorded() {
        return AchievementTransformation.record("ach-1", "431023", "稀贵金属高效提取技术", "prj-1",
                new Enterprise("永兴县稀贵金属再生利用有限公司", new CreditCode("91431023MA4L5EAY54")),
                Money.parseYuan("12000000"), "新增产值1200万元", on(LocalDate.of(2013, 5, 20)));
    }

    @Test
    void aTransformationCountsFromItsTransformationDateUntilWithdrawn() {
        AchievementTransformation a = recorded();
        assertThat(a.status()).isEqualTo(AchievementStatus.RECORDED);
        assertThat(a.transformedOn()).isEqualTo(LocalDate.of(2013, 5, 20));
        assertThat(a.allowedTransitions()).containsExactly("withdraw");

        AchievementTransformation withdrawn = a.withdraw("重复登记", on(LocalDate.of(2013, 6, 1)));

        assertThat(withdrawn.status()).isEqualTo(AchievementStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawal().withdrawnOn()).isEqualTo(LocalDate.of(2013, 6, 1));
        assertThat(withdrawn.history()).extracting("action").containsExactly("record", "withdraw");
        assertThat(withdrawn.allowedTransitions()).isEmpty();
    }

    @Test
    void aWithdrawnRecordCannotBeWithdrawnAgain() {
        AchievementTransformation withdrawn = recorded().withdraw("重复登记", on(LocalDate.of(2013, 6, 1)));
        assertThatThrownBy(() -> withdrawn.withdraw("again", on(LocalDate.of(2013, 6, 2))))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("cannot withdraw an achievement transformation that is WITHDRAWN");
    }

    @Test
    void aWithdrawalCannotPrecedeTheTransformation() {
        assertThatThrownBy(() -> recorded().withdraw("错误", on(LocalDate.of(2013, 5, 19))))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("withdrawnOn"));
    }

    @Test
    void aNegativeOutputValueIsRefusedButZeroIsFine() {
        Enterprise e = new Enterprise("永兴县稀贵金属再生利用有限公司", new CreditCode("91431023MA4L5EAY54"));
        assertThatThrownBy(() -> AchievementTransformation.record("ach-1", "431023", "t", null, e, Money.ofFen(-1), null,
                on(LocalDate.of(2013, 5, 20))))
                .isInstanceOfSatisfying(RuleViolationException.class, x -> assertThat(x.field()).isEqualTo("outputValue"));
        assertThat(AchievementTransformation.record("ach-1", "431023", "t", null, e, Money.ZERO, null,
                on(LocalDate.of(2013, 5, 20))).outputValue()).isEqualTo(Money.ZERO);
    }
}
