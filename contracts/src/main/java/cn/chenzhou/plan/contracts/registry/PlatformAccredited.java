package cn.chenzhou.plan.contracts.registry;

/**
 * The platform was accredited (认定) at a level: counts toward T8 from accreditedOn. A later accreditation at another level supersedes it.
 *
 * @param platformId platform id (the subject)
 * @param county GB/T 2260 county code
 * @param type 
 * @param level 
 * @param accreditingBody 
 * @param documentNo 
 * @param accreditedOn 
 */
public record PlatformAccredited(
        String platformId,
        String county,
        String type,
        String level,
        String accreditingBody,
        String documentNo,
        String accreditedOn) {
}
