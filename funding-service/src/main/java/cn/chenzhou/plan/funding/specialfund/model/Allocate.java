package cn.chenzhou.plan.funding.specialfund.model;

import cn.chenzhou.plan.contracts.Money;
import java.time.LocalDate;

/** The finance section's command to allocate (安排) money of a year's special fund. */
public record Allocate(Purpose purpose, Beneficiary beneficiary, String county, String projectId, Money amount,
                       String approvalDocument, LocalDate allocatedOn) {
}
