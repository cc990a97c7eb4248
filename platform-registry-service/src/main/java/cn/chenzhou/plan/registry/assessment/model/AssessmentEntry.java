package cn.chenzhou.plan.registry.assessment.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One revision of a county-year's assessment result: the first record is revision 1, each correction the next.
 *
 * @param reason why this revision corrects the previous one; null for revision 1
 */
public record AssessmentEntry(int revision, AssessmentResult result, String documentNo, LocalDate effectiveOn,
                              String reason) {
    public AssessmentEntry {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(documentNo, "documentNo");
        Objects.requireNonNull(effectiveOn, "effectiveOn");
    }
}
