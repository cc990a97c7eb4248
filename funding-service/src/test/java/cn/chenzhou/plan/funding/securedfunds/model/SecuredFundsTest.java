package cn.chenzhou.plan.funding.securedfunds.model;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.model.Recording;
import cn.chenzhou.plan.funding.command.model.Refusal;
import cn.chenzhou.plan.funding.command.model.Refused;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secured funds (F1): corrections are reversing entries, never more than what remains; progress counts the plan period. */
class SecuredFundsTest {
    private static final Recording FINANCE = new Recording(Instant.parse("2014-03-01T00:00:00Z"), "finance-officer", null);

    private static SecuredFundsEntry entry(String id, String county, Level level, long yuan, LocalDate on) {
        return SecuredFundsEntry.secure(id, new SecureFunds(county, level, "SPARK", null, Money.ofYuan(yuan), on,
                "湘科计〔2013〕5号"), FINANCE);
    }

    @Test
    void reversalsTakeBackAtMostWhatRemainsAndAreNumberedWithoutGaps() {
        CorrectedEntry corrected = new CorrectedEntry(entry("sf-1", "431023", Level.NATIONAL, 1_000_000,
                LocalDate.of(2013, 4, 1)), List.of());

        corrected = corrected.reverse(new ReverseFunds(Money.ofYuan(400_000), LocalDate.of(2013, 5, 1), "重复录入"), FINANCE).after();
        CorrectedEntry once = corrected;
        assertThat(once.reversals()).extracting(ReversingEntry::id).containsExactly("sf-1-R1");
        assertThat(once.remaining()).isEqualTo(Money.ofYuan(600_000));

        try {
            once.reverse(new ReverseFunds(Money.parseYuan("600000.01"), LocalDate.of(2013, 5, 2), "x"), FINANCE);
            throw new AssertionError("over-reversal accepted");
        } catch (Refused refused) {
            assertThat(refused.refusal().type()).isEqualTo("over-reversal");
            assertThat(refused.refusal().facts()).containsEntry("remaining", Money.ofYuan(600_000));
        }
        CorrectedEntry twice = once.reverse(new ReverseFunds(Money.ofYuan(600_000), LocalDate.of(2013, 5, 2), "金额有误"), FINANCE).after();
        assertThat(twice.reversals()).extracting(ReversingEntry::id).containsExactly("sf-1-R1", "sf-1-R2");
        assertThat(twice.remaining()).isEqualTo(Money.ZERO);
    }

    @Test
    void aReversalCannotPrecedeTheEntry() {
        CorrectedEntry corrected = new CorrectedEntry(entry("sf-1", "431023", Level.NATIONAL, 100, LocalDate.of(2013, 4, 1)), List.of());
        try {
            corrected.reverse(new ReverseFunds(Money.ofYuan(1), LocalDate.of(2013, 3, 31), "x"), FINANCE);
            throw new AssertionError("accepted");
        } catch (Refused refused) {
            assertThat(refused.refusal().kind()).isEqualTo(Refusal.Kind.INVALID_INPUT);
            assertThat(refused.refusal().field()).isEqualTo("reversedOn");
        }
    }

    @Test
    void progressCountsEntriesInsideThePlanPeriodLessTheirReversalsAsOfTheDate() {
        CorrectedEntry national = new CorrectedEntry(entry("sf-1", "431023", Level.NATIONAL, 90_000_000, LocalDate.of(2013, 4, 1)), List.of())
                .reverse(new ReverseFunds(Money.ofYuan(10_000_000), LocalDate.of(2014, 2, 1), "冲正"), FINANCE).after();
        CorrectedEntry provincial = new CorrectedEntry(entry("sf-2", "431000", Level.PROVINCIAL, 45_000_000, LocalDate.of(2012, 8, 1)), List.of());
        CorrectedEntry before = new CorrectedEntry(entry("sf-3", "431002", Level.PROVINCIAL, 5_000_000, LocalDate.of(2011, 12, 31)), List.of());

        SecuredFundsProgress endOf2013 = SecuredFundsProgress.of(Money.ofYuan(150_000_000), LocalDate.of(2012, 1, 1),
                LocalDate.of(2014, 12, 31), LocalDate.of(2013, 12, 31), List.of(national, provincial, before));
        assertThat(endOf2013.net()).isEqualTo(Money.ofYuan(135_000_000));
        assertThat(endOf2013.percentOfTarget()).isEqualTo("90.00");

        SecuredFundsProgress later = SecuredFundsProgress.of(Money.ofYuan(150_000_000), LocalDate.of(2012, 1, 1),
                LocalDate.of(2014, 12, 31), LocalDate.of(2014, 12, 31), List.of(national, provincial, before));
        assertThat(later.secured()).isEqualTo(Money.ofYuan(135_000_000));
        assertThat(later.reversed()).isEqualTo(Money.ofYuan(10_000_000));
        assertThat(later.net()).isEqualTo(Money.ofYuan(125_000_000));
        assertThat(later.toGo()).isEqualTo(Money.ofYuan(25_000_000));
        assertThat(later.byLevel()).containsEntry(Level.NATIONAL, Money.ofYuan(80_000_000));
        assertThat(later.byCounty()).containsEntry("431000", Money.ofYuan(45_000_000)).doesNotContainKey("431002");
        assertThat(later.forCounty("431023").byCounty()).containsOnlyKeys("431023");
    }

    @Test
    void oneEntryAndAYearsEntriesStayUnderTheirCeilings() {
        try {
            entry("sf-big", "431023", Level.NATIONAL, 1_000_000_001L, LocalDate.of(2013, 4, 1));
            throw new AssertionError("an entry over its ceiling was accepted");
        } catch (Refused refused) {
            assertThat(refused.refusal().field()).isEqualTo("amount");
            assertThat(refused.refusal().facts()).containsEntry("ceiling", Money.ofYuan(1_000_000_000));
        }
        SecuredFundsEntry next = entry("sf-next", "431023", Level.NATIONAL, 1_000_000_000L, LocalDate.of(2013, 4, 1));
        next.requireRoomIn(Money.ofYuan(9_000_000_000L));
        try {
            next.requireRoomIn(Money.parseYuan("9000000000.01"));
            throw new AssertionError("a year over its ceiling was accepted");
        } catch (Refused refused) {
            assertThat(refused.refusal().type()).isEqualTo("total-over-ceiling");
            assertThat(refused.refusal().facts()).containsEntry("ceiling", SecuredFundsEntry.YEAR_CEILING)
                    .containsEntry("field", "amount");
        }
    }

    @Test
    void progressOfTheLargestReachableYearsIsStillAFigure() {
        List<CorrectedEntry> entries = new java.util.ArrayList<>();
        for (int year = 2012; year <= 2014; year++) {
            for (int i = 0; i < 10; i++) {
                entries.add(new CorrectedEntry(entry("sf-" + year + "-" + i, "431023", Level.NATIONAL, 1_000_000_000L,
                        LocalDate.of(year, 4, 1)), List.of()));
            }
        }
        SecuredFundsProgress progress = SecuredFundsProgress.of(Money.ofYuan(150_000_000), LocalDate.of(2012, 1, 1),
                LocalDate.of(2014, 12, 31), LocalDate.of(2014, 12, 31), entries);
        assertThat(progress.net()).isEqualTo(Money.ofYuan(30_000_000_000L));
        assertThat(progress.byCounty()).containsEntry("431023", Money.ofYuan(30_000_000_000L));
        assertThat(progress.percentOfTarget()).isEqualTo("20000.00");
    }
}
