package cn.chenzhou.plan.contracts.funding;

/**
 * A county filed (or revised) its annual S&T investment statistics: T9, T10, F3. The highest revision of a county-year counts.
 *
 * @param statisticsId county-year id (the subject)
 * @param county GB/T 2260 county code
 * @param year 
 * @param revision 1 for the first filing
 * @param fiscalExpenditureFen 财政支出
 * @param fiscalStExpenditureFen 财政科技投入
 * @param recurringRevenueFen 经常性收入
 * @param enterpriseRdFen 企业研发经费
 * @param societyRdFen 全社会研发经费
 * @param filedOn 
 * @param reason why a revision was filed (optional: may be null)
 */
public record CountyStatisticsFiled(
        String statisticsId,
        String county,
        int year,
        int revision,
        long fiscalExpenditureFen,
        long fiscalStExpenditureFen,
        long recurringRevenueFen,
        long enterpriseRdFen,
        long societyRdFen,
        String filedOn,
        String reason) {
}
