package cn.chenzhou.plan.contracts.project;

/**
 * The characteristic industry was recognised as cultivated by S&T: counts toward T13 from recognisedOn.
 *
 * @param industryId characteristic industry id (the subject)
 * @param county GB/T 2260 county code
 * @param name 
 * @param documentNo 
 * @param recognisedOn 
 */
public record IndustryRecognised(
        String industryId,
        String county,
        String name,
        String documentNo,
        String recognisedOn) {
}
