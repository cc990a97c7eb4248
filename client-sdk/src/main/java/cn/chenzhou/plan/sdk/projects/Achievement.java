package cn.chenzhou.plan.sdk.projects;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.sdk.projects.Project.HistoryEntry;
import java.time.LocalDate;
import java.util.List;

/**
 * A key S&T achievement transformed and applied (重点科技成果转化, T12): counts from {@code transformedOn} until withdrawn.
 *
 * @param status RECORDED or WITHDRAWN
 */
public record Achievement(String id, String county, String countyName, String title, String projectId,
                          Enterprise enterprise, LocalDate transformedOn, Money outputValue, String resultSummary,
                          String status, Withdrawal withdrawal, List<String> allowedTransitions,
                          List<HistoryEntry> history, long version) {

    /** The enterprise applying the achievement. */
    public record Enterprise(String name, String creditCode) {
    }

    public record Withdrawal(String reason, LocalDate withdrawnOn) {
    }

    /**
     * County portal (own county) or plan office: record a transformation. {@code projectId} (optional) must be an
     * approved project; {@code outputValue} is the new output value reported, zero if none yet.
     */
    public record RecordTransformation(String county, String title, String projectId, Enterprise enterprise,
                                       LocalDate transformedOn, Money outputValue, String resultSummary) {
    }

    /** Plan office: a duplicate or a mistake stops counting from {@code withdrawnOn}. */
    public record WithdrawTransformation(long version, String reason, LocalDate withdrawnOn) {
    }
}
