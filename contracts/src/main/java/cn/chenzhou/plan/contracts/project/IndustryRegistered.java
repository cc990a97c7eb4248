package cn.chenzhou.plan.contracts.project;

/**
 * A characteristic industry (特色产业) cultivated through S&T was registered for the county.
 *
 * @param industryId characteristic industry id (the subject)
 * @param county GB/T 2260 county code
 * @param name 
 * @param registeredOn 
 */
public record IndustryRegistered(
        String industryId,
        String county,
        String name,
        String registeredOn) {
}
