package cn.chenzhou.plan.reporting.facts.model;

import java.util.Arrays;

/** Every kind of fact record, with the stable name it is stored under. */
public enum FactType {
    PLATFORM(Facts.Platform.class),
    DESIGNATION(Facts.Designation.class),
    ENTERPRISE(Facts.Enterprise.class),
    ASSESSMENT(Facts.Assessment.class),
    COUNTY_STATISTICS(Facts.CountyStatistics.class),
    ACHIEVEMENT(Facts.Achievement.class),
    INDUSTRY(Facts.Industry.class),
    PROJECT(Facts.Project.class),
    ALLIANCE(Facts.Alliance.class),
    SECURED_FUNDS(Facts.SecuredFunds.class),
    FUNDS_REVERSAL(Facts.FundsReversal.class),
    SPECIAL_FUND_BUDGET(Facts.SpecialFundBudget.class),
    ALLOCATION(Facts.Allocation.class),
    ALLOCATION_REVOCATION(Facts.AllocationRevocation.class),
    DISBURSEMENT(Facts.Disbursement.class),
    MATCHING_FUNDS(Facts.MatchingFunds.class);

    private final Class<?> recordType;

    FactType(Class<?> recordType) {
        this.recordType = recordType;
    }

    public Class<?> recordType() {
        return recordType;
    }

    public static FactType of(Class<?> type) {
        return Arrays.stream(values()).filter(t -> t.recordType == type).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a fact record: " + type));
    }
}
