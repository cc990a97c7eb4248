package cn.chenzhou.plan.reporting.facts.model;

import java.time.LocalDate;

/**
 * The facts reporting keeps, one record type per kind of thing the plan counts. Each record is written by the events of
 * exactly one aggregate (so a stored aggregate can be restored on its own) and joined to others by business id when
 * counted. Dates are effective dates; timelines hold what changed when.
 */
public final class Facts {
    private Facts() {
    }

    /** 技术创新平台: accredited level over time; a null level means not (or no longer) accredited. */
    public record Platform(String id, String county, String name, String type, Timeline<Level> accreditation) {
    }

    /** A designation (zone, park, demonstration county, base, high-tech enterprise, lighting unit or zone, IP pilot county). */
    public record Designation(String id, String county, String kind, Level level, String holderName,
                              Timeline<Boolean> active) {
    }

    /** An enterprise: registered from a date, larger (较大企业) or not over time, with an R&D institution or not over time. */
    public record Enterprise(String id, String county, String name, LocalDate registeredOn,
                             Timeline<Boolean> larger, Timeline<Boolean> rdInstitution) {
    }

    /** National S&T progress assessment results of one county-year as recorded over time. */
    public record Assessment(String id, String county, int year, Timeline<String> result) {
    }

    /** A county's annual S&T investment statistics for one year, every revision filed. */
    public record CountyStatistics(String id, String county, int year, Timeline<StatisticsFiling> filings) {
    }

    /** One filing (revision) of a county-year's statistics, amounts in fen. */
    public record StatisticsFiling(int revision, long fiscalExpenditureFen, long fiscalStExpenditureFen,
                                   long recurringRevenueFen, long enterpriseRdFen, long societyRdFen) {
    }

    /** 重点科技成果转化: counts from transformedOn until withdrawn. */
    public record Achievement(String id, String county, String title, Timeline<Boolean> active) {
    }

    /** 特色产业: counts while recognised. */
    public record Industry(String id, String county, String name, Timeline<Boolean> recognised) {
    }

    /** A project: where it stands over time (SUBMITTED, APPROVED, STARTED, ACCEPTED, TERMINATED, REJECTED, ...). */
    public record Project(String id, String county, String programme, Level level, LocalDate submittedOn,
                          long approvedFen, Timeline<String> status) {
    }

    /** 产业技术创新联盟. */
    public record Alliance(String id, String county, String name, LocalDate formedOn, int members) {
    }

    /** Secured national or provincial funds (F1), from securedOn. */
    public record SecuredFunds(String id, String county, Level level, String programme, long amountFen,
                               LocalDate securedOn) {
    }

    /** A reversing entry that takes (part of) secured funds back from reversedOn. */
    public record FundsReversal(String id, String reversedEntryId, String county, long amountFen, LocalDate reversedOn) {
    }

    /** The budget of a year's special fund (专项资金) over time: opened, then revised. */
    public record SpecialFundBudget(String id, int year, Timeline<Long> budgetFen) {
    }

    /** An allocation (安排) from a year's special fund. */
    public record Allocation(String id, int year, String county, String purpose, String beneficiaryName,
                             long amountFen, LocalDate allocatedOn) {
    }

    /** The revocation (收回) of an allocation: from revokedOn it contributes nothing. */
    public record AllocationRevocation(String id, int year, String county, long releasedFen, long clawedBackFen,
                                       LocalDate revokedOn) {
    }

    /** A payment (拨付) against an allocation. */
    public record Disbursement(String id, String allocationId, int year, String county, long amountFen,
                               LocalDate disbursedOn) {
    }

    /** County matching funds (配套资金), committed or paid. */
    public record MatchingFunds(String id, String county, int year, boolean paid, long amountFen, LocalDate on) {
    }
}
