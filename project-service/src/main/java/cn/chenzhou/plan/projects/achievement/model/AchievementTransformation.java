package cn.chenzhou.plan.projects.achievement.model;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.projects.lifecycle.model.HistoryEntry;
import cn.chenzhou.plan.projects.lifecycle.model.IllegalTransitionException;
import cn.chenzhou.plan.projects.lifecycle.model.RuleViolationException;
import cn.chenzhou.plan.projects.lifecycle.model.Step;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A key S&T achievement transformed and applied (重点科技成果转化) in a county — one of the plan's twenty (T12): the
 * achievement, the project it came from if any, the enterprise applying it, the date, and the economic result
 * reported (new output value, and a summary in words). It counts from {@code transformedOn} until withdrawn.
 */
public record AchievementTransformation(
        String id,
        String county,
        String title,
        String projectId,
        Enterprise enterprise,
        LocalDate transformedOn,
        Money outputValue,
        String resultSummary,
        AchievementStatus status,
        Withdrawal withdrawal,
        List<HistoryEntry> history) {

    public static final String RECORD = "record";
    public static final String WITHDRAW = "withdraw";

    public AchievementTransformation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(enterprise, "enterprise");
        Objects.requireNonNull(transformedOn, "transformedOn");
        Objects.requireNonNull(outputValue, "outputValue");
        Objects.requireNonNull(status, "status");
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A county (or the plan office) records a transformation; the step's effective date is the transformation date. */
    public static AchievementTransformation record(String id, String county, String title, String projectId,
                                                   Enterprise enterprise, Money outputValue, String resultSummary,
                                                   Step step) {
        if (outputValue.isNegative()) {
            throw new RuleViolationException("outputValue", "must not be negative (0 if nothing is reported yet)");
        }
        return new AchievementTransformation(id, county, title, projectId, enterprise, step.effectiveOn(), outputValue,
                resultSummary, AchievementStatus.RECORDED, null,
                List.of(HistoryEntry.of(RECORD, null, AchievementStatus.RECORDED, step, null)));
    }

    /** The plan office withdraws the record: it stops counting from the withdrawal date. */
    public AchievementTransformation withdraw(String reason, Step step) {
        if (status != AchievementStatus.RECORDED) {
            throw new IllegalTransitionException("an achievement transformation", WITHDRAW, WITHDRAW, status,
                    allowedTransitions(), null);
        }
        if (step.effectiveOn().isBefore(transformedOn)) {
            throw new RuleViolationException("withdrawnOn", "must not be before the transformation date " + transformedOn);
        }
        List<HistoryEntry> entries = new ArrayList<>(history);
        entries.add(HistoryEntry.of(WITHDRAW, status, AchievementStatus.WITHDRAWN, step, reason));
        return new AchievementTransformation(id, county, title, projectId, enterprise, transformedOn, outputValue,
                resultSummary, AchievementStatus.WITHDRAWN, new Withdrawal(reason, step.effectiveOn()), entries);
    }

    public List<String> allowedTransitions() {
        return status == AchievementStatus.RECORDED ? List.of(WITHDRAW) : List.of();
    }
}
