package cn.chenzhou.plan.funding.statistics.model;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.model.Recording;
import cn.chenzhou.plan.funding.command.model.Refused;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** County statistics (T9, T10, F3): parts never exceed wholes; revisions add, never overwrite. */
class CountyStatisticsTest {
    private static final Recording YONGXING = new Recording(Instant.parse("2014-02-01T00:00:00Z"), "county-431023", null);

    private static Figures figures(long fiscal, long fiscalSt, long revenue, long enterpriseRd, long societyRd) {
        return new Figures(Money.ofYuan(fiscal), Money.ofYuan(fiscalSt), Money.ofYuan(revenue), Money.ofYuan(enterpriseRd),
                Money.ofYuan(societyRd));
    }

    private static String refusedField(Runnable r) {
        try {
            r.run();
        } catch (Refused refused) {
            return refused.refusal().field();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void partsLargerThanTheirWholesAreRefusedNamingThePart() {
        assertThat(refusedField(() -> CountyStatistics.file("431023", 2013, figures(100, 101, 80, 1, 2),
                LocalDate.of(2014, 1, 10), YONGXING))).isEqualTo("fiscalStExpenditure");
        assertThat(refusedField(() -> CountyStatistics.file("431023", 2013, figures(100, 1, 80, 3, 2),
                LocalDate.of(2014, 1, 10), YONGXING))).isEqualTo("enterpriseRd");
        assertThat(refusedField(() -> CountyStatistics.file("431023", 2013, figures(100, 1, 80, 1, 2),
                LocalDate.of(2012, 12, 31), YONGXING))).isEqualTo("filedOn");
    }

    @Test
    void sharesBehindT9AndT10() {
        Figures f = figures(1_000_000_000, 13_500_000, 600_000_000, 71_000_000, 100_000_000);
        assertThat(f.fiscalStShare()).isEqualByComparingTo(new BigDecimal("1.35"));
        assertThat(f.enterpriseRdShare()).isEqualByComparingTo(new BigDecimal("71"));
        assertThat(figures(1, 0, 1, 0, 0).enterpriseRdShare()).isNull();
    }

    @Test
    void aRevisionIsAddedWithItsReasonAndTheFirstFilingStays() {
        CountyStatistics first = CountyStatistics.file("431023", 2013, figures(100, 1, 80, 1, 2), LocalDate.of(2014, 1, 10), YONGXING);
        CountyStatistics revised = first.revise(1, figures(100, 2, 80, 1, 2), LocalDate.of(2014, 3, 1), "统计局核定数", YONGXING).after();

        assertThat(revised.revisions()).extracting(StatisticsRevision::revision).containsExactly(1, 2);
        assertThat(revised.current().reason()).isEqualTo("统计局核定数");
        assertThat(revised.revisions().get(0).figures()).isEqualTo(figures(100, 1, 80, 1, 2));

        try {
            revised.revise(1, figures(100, 3, 80, 1, 2), LocalDate.of(2014, 3, 2), "another", YONGXING);
            throw new AssertionError("a stale revision was accepted");
        } catch (Refused refused) {
            assertThat(refused.refusal().type()).isEqualTo("stale-revision");
        }
        var retried = revised.revise(1, figures(100, 2, 80, 1, 2), LocalDate.of(2014, 3, 1), "统计局核定数", YONGXING);
        assertThat(retried.changed()).isFalse();
        assertThat(retried.result().revision()).isEqualTo(2);
    }
}
