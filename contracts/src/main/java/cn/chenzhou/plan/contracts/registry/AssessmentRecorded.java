package cn.chenzhou.plan.contracts.registry;

/**
 * A county's national S&T progress assessment result (国家科技进步考核) for a year: T1 (passed or advanced), T2 (advanced), from effectiveOn.
 *
 * @param assessmentId county-year id (the subject)
 * @param county GB/T 2260 county code
 * @param year 
 * @param result 
 * @param documentNo 
 * @param effectiveOn 
 */
public record AssessmentRecorded(
        String assessmentId,
        String county,
        int year,
        String result,
        String documentNo,
        String effectiveOn) {
}
