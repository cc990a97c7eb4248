package cn.chenzhou.plan.registry.assessment.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chenzhou.plan.registry.model.Refusal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** One assessment result per county and year (T1, T2), corrected only by an explicit revision. */
class AssessmentTest {
    private static final LocalDate TODAY = LocalDate.of(2014, 6, 30);

    private Assessment recorded() {
        return Assessment.record("431028", 2013, AssessmentResult.PASSED, "国科发政〔2014〕1号", LocalDate.of(2014, 3, 1), TODAY);
    }

    @Test
    void aResultIsRecordedOncePerCountyAndYearUnderTheirId() {
        Assessment assessment = recorded();

        assertThat(assessment.id()).isEqualTo("asm-431028-2013").isEqualTo(Assessment.idOf("431028", 2013));
        assertThat(assessment.current().revision()).isEqualTo(1);
        assertThat(assessment.current().result()).isEqualTo(AssessmentResult.PASSED);
        assertThat(assessment.previous()).isEmpty();
    }

    @Test
    void aCorrectionIsTheNextRevisionAndKeepsWhatItCorrected() {
        Assessment corrected = recorded().revise(2, AssessmentResult.ADVANCED, "国科发政〔2014〕2号",
                LocalDate.of(2014, 4, 1), "先进名单补录", TODAY);

        assertThat(corrected.current().revision()).isEqualTo(2);
        assertThat(corrected.current().result()).isEqualTo(AssessmentResult.ADVANCED);
        assertThat(corrected.current().reason()).isEqualTo("先进名单补录");
        assertThat(corrected.previous()).singleElement().extracting(AssessmentEntry::result).isEqualTo(AssessmentResult.PASSED);
    }

    @Test
    void aCorrectionThatDidNotSeeTheLatestRevisionIsAConflict() {
        Assessment corrected = recorded().revise(2, AssessmentResult.ADVANCED, "doc", LocalDate.of(2014, 4, 1), "r", TODAY);

        assertThatThrownBy(() -> corrected.revise(2, AssessmentResult.FAILED, "doc", LocalDate.of(2014, 4, 1), "r", TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("revision-mismatch"));
        assertThatThrownBy(() -> recorded().revise(3, AssessmentResult.FAILED, "doc", LocalDate.of(2014, 4, 1), "r", TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("revision-mismatch"));
    }

    @Test
    void aCorrectionThatChangesNothingIsRefused() {
        assertThatThrownBy(() -> recorded().revise(2, AssessmentResult.PASSED, "国科发政〔2014〕1号", LocalDate.of(2014, 3, 1), "r", TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("no-change"));
    }

    @Test
    void theYearIsPastOrThisYearAndTheResultIsNotEffectiveBeforeTheYearNorInTheFuture() {
        assertThatThrownBy(() -> Assessment.record("431028", 2015, AssessmentResult.PASSED, "d", LocalDate.of(2014, 3, 1), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("year"));
        assertThatThrownBy(() -> Assessment.record("431028", 1989, AssessmentResult.PASSED, "d", LocalDate.of(2014, 3, 1), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("year"));
        assertThatThrownBy(() -> Assessment.record("431028", 2013, AssessmentResult.PASSED, "d", LocalDate.of(2012, 12, 31), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("effectiveOn"));
        assertThatThrownBy(() -> Assessment.record("431028", 2014, AssessmentResult.PASSED, "d", TODAY.plusDays(1), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("effectiveOn"));
        assertThatThrownBy(() -> Assessment.record("431000", 2013, AssessmentResult.PASSED, "d", LocalDate.of(2014, 3, 1), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("county"));
    }
}
