package cn.chenzhou.plan.contracts.registry;

/**
 * An organisation joined the alliance.
 *
 * @param allianceId alliance id (the subject)
 * @param county GB/T 2260 county code
 * @param memberName 
 * @param memberCreditCode  (optional: may be null)
 * @param memberCounty  (optional: may be null)
 * @param joinedOn 
 */
public record AllianceMemberJoined(
        String allianceId,
        String county,
        String memberName,
        String memberCreditCode,
        String memberCounty,
        String joinedOn) {
}
