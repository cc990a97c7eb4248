package cn.chenzhou.plan.sdk.funding;

import cn.chenzhou.plan.contracts.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A county's annual S&T investment statistics for a year (T9, T10, F3): the revision that counts and every revision
 * ever filed, oldest first.
 */
public record CountyStatistics(Revision current, List<Revision> revisions) {

    /**
     * One filing. {@code fiscalStShare} is fiscal S&T spending as % of fiscal expenditure (T9, ≥ 1.3);
     * {@code enterpriseRdShare} enterprise R&D as % of the whole society's (T10, ≥ 70).
     */
    public record Revision(String statisticsId, String county, int year, int revision, Money fiscalExpenditure,
                           Money fiscalStExpenditure, Money recurringRevenue, Money enterpriseRd, Money societyRd,
                           BigDecimal fiscalStShare, BigDecimal enterpriseRdShare, LocalDate filedOn, String reason,
                           Instant recordedAt, String recordedBy) {
    }

    /** County portal, own county: the first filing of a year's figures (409 {@code already-filed} afterwards). */
    public record File(String county, int year, Money fiscalExpenditure, Money fiscalStExpenditure,
                       Money recurringRevenue, Money enterpriseRd, Money societyRd, LocalDate filedOn) {
    }

    /** County portal, own county: a revision of revision {@code supersedesRevision} (409 {@code stale-revision} if a later one came in). */
    public record Revise(int supersedesRevision, Money fiscalExpenditure, Money fiscalStExpenditure,
                         Money recurringRevenue, Money enterpriseRd, Money societyRd, LocalDate filedOn, String reason) {
    }
}
