package cn.chenzhou.plan.contracts.funding;

/**
 * National or provincial S&T funds secured (争取国家、省科技投入资金): F1, from securedOn.
 *
 * @param entryId ledger entry id (the subject)
 * @param county county code, or 431000 for the city
 * @param level 
 * @param programme 
 * @param projectId related project, if any (optional: may be null)
 * @param amountFen 
 * @param securedOn 
 * @param documentNo 
 */
public record FundsSecured(
        String entryId,
        String county,
        String level,
        String programme,
        String projectId,
        long amountFen,
        String securedOn,
        String documentNo) {
}
