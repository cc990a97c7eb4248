package cn.chenzhou.plan.contracts.registry;

/**
 * A county applied (申报) for a designation for a holder in the county; the application alone does not count.
 * It counts only once {@code designation.granted} says so.
 *
 * @param designationId designation id (the subject)
 * @param county GB/T 2260 county code
 * @param kind 
 * @param level the level applied for
 * @param holderName 
 * @param holderCreditCode for organisations (optional: may be null)
 * @param appliedOn 
 */
public record DesignationApplied(
        String designationId,
        String county,
        String kind,
        String level,
        String holderName,
        String holderCreditCode,
        String appliedOn) {
}
