package cn.chenzhou.plan.contracts.registry;

/**
 * An enterprise was registered in the county; larger enterprises (较大企业) are the base of T7.
 *
 * @param enterpriseId enterprise id (the subject)
 * @param county GB/T 2260 county code
 * @param name 
 * @param creditCode 
 * @param larger a larger enterprise (较大企业)
 * @param registeredOn 
 */
public record EnterpriseRegistered(
        String enterpriseId,
        String county,
        String name,
        String creditCode,
        boolean larger,
        String registeredOn) {
}
