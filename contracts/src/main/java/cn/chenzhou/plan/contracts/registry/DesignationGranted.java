package cn.chenzhou.plan.contracts.registry;

/**
 * A designation was granted to a holder in the county (zones, parks, demonstration counties, industry bases, high-tech enterprises, IP pilot counties, lighting demonstration units and zones): T3–T6, T11, T14 from grantedOn.
 *
 * @param designationId designation id (the subject)
 * @param county GB/T 2260 county code
 * @param kind 
 * @param level 
 * @param holderName 
 * @param holderCreditCode for organisations (optional: may be null)
 * @param documentNo 
 * @param grantedOn 
 */
public record DesignationGranted(
        String designationId,
        String county,
        String kind,
        String level,
        String holderName,
        String holderCreditCode,
        String documentNo,
        String grantedOn) {
}
