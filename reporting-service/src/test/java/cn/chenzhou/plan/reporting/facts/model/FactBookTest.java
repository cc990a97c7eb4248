package cn.chenzhou.plan.reporting.facts.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chenzhou.plan.contracts.project.ProjectMidtermChecked;
import cn.chenzhou.plan.contracts.registry.PlatformAccredited;
import cn.chenzhou.plan.contracts.registry.PlatformRevoked;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FactBookTest {
    private static final String PLATFORM = "registry.events/plat-1";

    private static PlatformAccredited accredited(String level, String on) {
        return new PlatformAccredited("plat-1", "431023", "ENGINEERING_CENTRE", level, "湖南省科学技术厅", "doc", on);
    }

    @Test
    void anEventIsAppliedOnceAndAnOlderOrRepeatedSequenceChangesNothing() {
        FactBook book = new FactBook();
        assertThat(book.apply(PLATFORM, 1, accredited("MUNICIPAL", "2012-03-01"))).isEqualTo(FactBook.Outcome.APPLIED);
        assertThat(book.apply(PLATFORM, 2, accredited("PROVINCIAL", "2013-08-01"))).isEqualTo(FactBook.Outcome.APPLIED);
        assertThat(book.apply(PLATFORM, 2, accredited("NATIONAL", "2013-09-01"))).isEqualTo(FactBook.Outcome.ALREADY_APPLIED);
        assertThat(book.apply(PLATFORM, 1, accredited("NATIONAL", "2013-09-01"))).isEqualTo(FactBook.Outcome.ALREADY_APPLIED);
        Facts.Platform p = book.get(Facts.Platform.class, "plat-1");
        assertThat(p.accreditation().valueAt(LocalDate.of(2013, 7, 31))).isEqualTo(Level.MUNICIPAL);
        assertThat(p.accreditation().valueAt(LocalDate.of(2013, 8, 1))).isEqualTo(Level.PROVINCIAL);
        assertThat(book.appliedCount()).isEqualTo(2);
    }

    @Test
    void aRevocationRecordedLateStillStopsTheFactFromItsOwnEffectiveDate() {
        FactBook book = new FactBook();
        book.apply(PLATFORM, 1, accredited("PROVINCIAL", "2012-03-01"));
        book.apply(PLATFORM, 2, new PlatformRevoked("plat-1", "431023", "复核不合格", "2012-12-31"));
        Timeline<Level> t = book.get(Facts.Platform.class, "plat-1").accreditation();
        assertThat(t.valueAt(LocalDate.of(2012, 12, 30))).isEqualTo(Level.PROVINCIAL);
        assertThat(t.valueAt(LocalDate.of(2012, 12, 31))).isNull();
        assertThat(t.valueAt(LocalDate.of(2012, 2, 29))).as("not yet accredited").isNull();
    }

    @Test
    void anEventNoReportCountsOnlyMovesTheSequence() {
        FactBook book = new FactBook();
        assertThat(book.apply("projects.events/p1", 3, new ProjectMidtermChecked("p1", "431023", "SATISFACTORY", "2013-01-01")))
                .isEqualTo(FactBook.Outcome.NOT_COUNTED);
        assertThat(book.sequenceOf("projects.events/p1")).isEqualTo(3);
    }

    @Test
    void anUnreadableEventChangesNothing() {
        FactBook book = new FactBook();
        assertThatThrownBy(() -> book.apply(PLATFORM, 1, accredited("GALACTIC", "2012-03-01"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> book.apply(PLATFORM, 1, accredited("PROVINCIAL", "2012-02-30"))).isInstanceOf(RuntimeException.class);
        assertThat(book.sequenceOf(PLATFORM)).isZero();
        assertThat(book.all(Facts.Platform.class)).isEmpty();
    }

    @Test
    void aStoredAggregateRestoresTheSameFactsAndSequence() {
        FactBook book = new FactBook();
        book.apply(PLATFORM, 1, accredited("PROVINCIAL", "2012-03-01"));
        FactBook restored = new FactBook();
        book.takeChanged().forEach(restored::restore);
        assertThat(restored.get(Facts.Platform.class, "plat-1")).isEqualTo(book.get(Facts.Platform.class, "plat-1"));
        assertThat(restored.apply(PLATFORM, 1, accredited("NATIONAL", "2012-03-01"))).isEqualTo(FactBook.Outcome.ALREADY_APPLIED);
        assertThat(book.takeChanged()).as("nothing changed since").isEmpty();
    }
}
