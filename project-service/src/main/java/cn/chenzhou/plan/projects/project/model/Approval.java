package cn.chenzhou.plan.projects.project.model;

import cn.chenzhou.plan.contracts.Money;
import java.time.LocalDate;
import java.util.Objects;

/** The approval (立项): the amount granted and the number of the task contract (任务书) signed for it. */
public record Approval(Money approvedAmount, String taskContractNo, LocalDate approvedOn) {
    public Approval {
        Objects.requireNonNull(approvedAmount, "approvedAmount");
        Objects.requireNonNull(taskContractNo, "taskContractNo");
        Objects.requireNonNull(approvedOn, "approvedOn");
    }
}
