package cn.chenzhou.plan.contracts.registry;

/**
 * The enterprise became, or stopped being, a larger enterprise from effectiveOn.
 *
 * @param enterpriseId enterprise id (the subject)
 * @param county GB/T 2260 county code
 * @param larger 
 * @param effectiveOn 
 */
public record EnterpriseReclassified(
        String enterpriseId,
        String county,
        boolean larger,
        String effectiveOn) {
}
