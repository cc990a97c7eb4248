package cn.chenzhou.plan.contracts.registry;

/**
 * An industry technology innovation alliance (产业技术创新联盟) was formed, led from the county.
 *
 * @param allianceId alliance id (the subject)
 * @param county GB/T 2260 county code
 * @param name 
 * @param field 
 * @param memberCount 
 * @param formedOn 
 */
public record AllianceFormed(
        String allianceId,
        String county,
        String name,
        String field,
        int memberCount,
        String formedOn) {
}
