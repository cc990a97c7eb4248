package cn.chenzhou.plan.contracts.funding;

/**
 * A correction: a reversing entry cancels (part of) an earlier secured-funds entry from reversedOn.
 *
 * @param entryId the reversing entry id (the subject)
 * @param reversedEntryId 
 * @param county county code, or 431000 for the city
 * @param amountFen amount taken back, positive
 * @param reversedOn 
 * @param reason 
 */
public record FundsReversed(
        String entryId,
        String reversedEntryId,
        String county,
        long amountFen,
        String reversedOn,
        String reason) {
}
