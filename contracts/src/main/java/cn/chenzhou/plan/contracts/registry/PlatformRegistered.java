package cn.chenzhou.plan.contracts.registry;

/**
 * A technology innovation platform (技术创新平台) was registered; registration alone does not count.
 *
 * @param platformId platform id (the subject)
 * @param county GB/T 2260 county code
 * @param name 
 * @param type platform type code (reference data)
 * @param level 
 * @param hostName host organisation
 * @param hostCreditCode 
 * @param registeredOn 
 */
public record PlatformRegistered(
        String platformId,
        String county,
        String name,
        String type,
        String level,
        String hostName,
        String hostCreditCode,
        String registeredOn) {
}
