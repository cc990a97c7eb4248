package cn.chenzhou.plan.funding.specialfund.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chenzhou.plan.contracts.CreditCode;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.model.Outcome;
import cn.chenzhou.plan.funding.command.model.Recording;
import cn.chenzhou.plan.funding.command.model.Refusal;
import cn.chenzhou.plan.funding.command.model.Refused;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.AllocationRevoked;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.BudgetBelowCommitted;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.OverAllocation;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.OverBudget;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The special fund's rules in plain Java: the budget and every allocation are never overspent. */
class SpecialFundTest {
    private static final Money TWO_MILLION = Money.ofYuan(2_000_000);
    private static final Beneficiary RARE_METALS = new Beneficiary("永兴县稀贵金属再生利用有限公司",
            new CreditCode("91431023MA4L5EAY54"));

    private static Recording by(String officer) {
        return new Recording(Instant.parse("2013-06-01T02:00:00Z"), officer, null);
    }

    private static Recording keyed(String key) {
        return new Recording(Instant.parse("2013-06-01T02:00:00Z"), "finance-officer", "finance-officer|" + key);
    }

    private static SpecialFund fund2013() {
        return SpecialFund.none(2013).open(TWO_MILLION, LocalDate.of(2013, 1, 1), TWO_MILLION, by("funding-service")).after();
    }

    private static Allocate allocate(long yuan) {
        return new Allocate(Purpose.KEY_ENTERPRISE, RARE_METALS, "431023", null, Money.ofYuan(yuan),
                "郴科发〔2013〕12号", LocalDate.of(2013, 5, 20));
    }

    private static Refusal refusalOf(Runnable command) {
        try {
            command.run();
        } catch (Refused refused) {
            return refused.refusal();
        }
        throw new AssertionError("the command was not refused");
    }

    @Test
    void allocationsUpToTheBudgetAreAcceptedAndTheNextYuanIsRefusedWithWhatIsLeft() {
        SpecialFund fund = fund2013()
                .allocate("a1", allocate(1_500_000), by("officer-1")).after()
                .allocate("a2", allocate(499_999), by("officer-2")).after();

        assertThat(fund.allocated()).isEqualTo(Money.ofYuan(1_999_999));
        assertThat(fund.remaining()).isEqualTo(Money.ofYuan(1));
        SpecialFund full = fund;
        Refusal refusal = refusalOf(() -> full.allocate("a3", allocate(2), by("officer-1")));
        assertThat(refusal).isEqualTo(new OverBudget(2013, Money.ofYuan(2), TWO_MILLION, Money.ofYuan(1)));
        assertThat(refusal.facts()).containsEntry("remaining", Money.ofYuan(1));
        assertThat(full.allocate("a3", allocate(1), by("officer-1")).after().remaining()).isEqualTo(Money.ZERO);
    }

    @Test
    void disbursementsNeverExceedTheirAllocation() {
        SpecialFund fund = fund2013().allocate("a1", allocate(100_000), by("officer-1")).after();
        fund = fund.disburse("a1", "d1", new Disburse(Money.ofYuan(60_000), LocalDate.of(2013, 6, 1), "凭证-001"),
                by("officer-1")).after();
        SpecialFund paid = fund;

        Refusal refusal = refusalOf(() -> paid.disburse("a1", "d2",
                new Disburse(Money.parseYuan("40000.01"), LocalDate.of(2013, 6, 2), null), by("officer-2")));
        assertThat(refusal).isEqualTo(new OverAllocation("a1", Money.parseYuan("40000.01"), Money.ofYuan(100_000),
                Money.ofYuan(40_000)));

        SpecialFund done = paid.disburse("a1", "d2", new Disburse(Money.ofYuan(40_000), LocalDate.of(2013, 6, 2), null),
                by("officer-2")).after();
        assertThat(done.allocation("a1").orElseThrow().undisbursed()).isEqualTo(Money.ZERO);
        assertThat(done.disbursed()).isEqualTo(Money.ofYuan(100_000));
    }

    @Test
    void aDisbursementAgainstAnUnknownAllocationIsNotFound() {
        Refusal refusal = refusalOf(() -> fund2013().disburse("nope", "d1",
                new Disburse(Money.ofYuan(1), LocalDate.of(2013, 6, 1), null), by("officer-1")));
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
    }

    @Test
    void revocationReleasesTheUndisbursedPartAndClawsBackWhatWasPaid() {
        SpecialFund fund = fund2013().allocate("a1", allocate(300_000), by("officer-1")).after()
                .disburse("a1", "d1", new Disburse(Money.ofYuan(100_000), LocalDate.of(2013, 6, 1), null), by("officer-1")).after();

        Outcome<SpecialFund, Allocation> revoked = fund.revoke("a1",
                new Revoke(LocalDate.of(2013, 9, 1), "企业未按合同实施"), by("officer-2"));

        Revocation r = revoked.result().revocation();
        assertThat(r.released()).isEqualTo(Money.ofYuan(200_000));
        assertThat(r.clawedBack()).isEqualTo(Money.ofYuan(100_000));
        SpecialFund after = revoked.after();
        assertThat(after.allocated()).isEqualTo(Money.ZERO);
        assertThat(after.disbursed()).isEqualTo(Money.ZERO);
        // the clawed-back 100,000 went to the treasury: it does not come back to this year's budget
        assertThat(after.committed()).isEqualTo(Money.ofYuan(100_000));
        assertThat(after.remaining()).isEqualTo(Money.ofYuan(1_900_000));

        assertThat(refusalOf(() -> after.revoke("a1", new Revoke(LocalDate.of(2013, 9, 2), "again"), by("officer-1"))))
                .isEqualTo(new AllocationRevoked("a1"));
        assertThat(refusalOf(() -> after.disburse("a1", "d2",
                new Disburse(Money.ofYuan(1), LocalDate.of(2013, 9, 2), null), by("officer-1"))))
                .isEqualTo(new AllocationRevoked("a1"));
    }

    @Test
    void theBudgetCannotBeRevisedBelowWhatIsCommitted() {
        SpecialFund fund = fund2013().allocate("a1", allocate(1_200_000), by("officer-1")).after();

        assertThat(refusalOf(() -> fund.reviseBudget(new ReviseBudget(Money.parseYuan("1199999.99"),
                LocalDate.of(2013, 7, 1), "市财政调减"), TWO_MILLION, by("officer-1"))))
                .isEqualTo(new BudgetBelowCommitted(2013, Money.parseYuan("1199999.99"), Money.ofYuan(1_200_000)));

        SpecialFund revised = fund.reviseBudget(new ReviseBudget(Money.ofYuan(1_200_000), LocalDate.of(2013, 7, 1),
                "市财政调减"), TWO_MILLION, by("officer-1")).after();
        assertThat(revised.remaining()).isEqualTo(Money.ZERO);
        assertThat(revised.revisions()).hasSize(1);
    }

    @Test
    void datesOutOfOrderAreRefusedNamingTheField() {
        SpecialFund fund = fund2013().allocate("a1", allocate(1_000), by("officer-1")).after();
        Refusal early = refusalOf(() -> fund.disburse("a1", "d1",
                new Disburse(Money.ofYuan(1), LocalDate.of(2013, 5, 19), null), by("officer-1")));
        assertThat(early.field()).isEqualTo("disbursedOn");
        Refusal beforeYear = refusalOf(() -> fund.allocate("a2", new Allocate(Purpose.OUTSTANDING_TALENT,
                new Beneficiary("李明", null), "431002", null, Money.ofYuan(1), "doc", LocalDate.of(2012, 12, 31)),
                by("officer-1")));
        assertThat(beforeYear.field()).isEqualTo("allocatedOn");
    }

    @Test
    void aRetriedCommandWithTheSameKeyIsAnsweredWithTheFirstResultAndChangesNothing() {
        SpecialFund once = fund2013().allocate("a1", allocate(500), keyed("key-0001")).after();

        Outcome<SpecialFund, Allocation> again = once.allocate("a-other", allocate(500), keyed("key-0001"));

        assertThat(again.changed()).isFalse();
        assertThat(again.result().id()).isEqualTo("a1");
        assertThat(again.after()).isSameAs(once);
        assertThat(refusalOf(() -> once.allocate("a2", allocate(501), keyed("key-0001"))))
                .isInstanceOf(Refusal.RequestKeyReused.class);
        assertThat(refusalOf(() -> once.disburse("a1", "d1",
                new Disburse(Money.ofYuan(1), LocalDate.of(2013, 6, 1), null), keyed("key-0001"))))
                .isInstanceOf(Refusal.RequestKeyReused.class);
    }

    @Test
    void theLedgerRunsItsBalancesInPostingOrderAndItsTotalsEqualTheFund() {
        SpecialFund fund = fund2013()
                .allocate("a1", allocate(300_000), by("officer-1")).after()
                .allocate("a2", allocate(200_000), by("officer-2")).after()
                .disburse("a1", "d1", new Disburse(Money.parseYuan("100000.50"), LocalDate.of(2013, 6, 1), null), by("officer-1")).after()
                .proposeRevision("bp-1", new ReviseBudget(Money.ofYuan(2_500_000), LocalDate.of(2013, 7, 1), "追加"),
                        TWO_MILLION, by("officer-1")).after()
                .approve("bp-1", null, by("plan-office")).after()
                .revoke("a1", new Revoke(LocalDate.of(2013, 8, 1), "未实施"), by("officer-2")).after()
                .disburse("a2", "d2", new Disburse(Money.ofYuan(50_000), LocalDate.of(2013, 8, 2), null), by("officer-1")).after();

        Ledger ledger = Ledger.of(fund);

        assertThat(ledger.lines()).extracting(Ledger.Line::entry).containsExactly(
                Ledger.Entry.BUDGET_OPENED, Ledger.Entry.ALLOCATED, Ledger.Entry.ALLOCATED, Ledger.Entry.DISBURSED,
                Ledger.Entry.BUDGET_REVISED, Ledger.Entry.REVOKED, Ledger.Entry.DISBURSED);
        assertThat(ledger.lines()).extracting(Ledger.Line::line).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(ledger.lines().get(2).balances().remaining()).isEqualTo(Money.ofYuan(1_500_000));
        assertThat(ledger.lines().get(4).balances().remaining()).isEqualTo(Money.ofYuan(2_000_000));
        Ledger.Balances end = ledger.totals().balances();
        assertThat(end).isEqualTo(ledger.lines().get(6).balances());
        assertThat(end.budget()).isEqualTo(fund.budget());
        assertThat(end.allocated()).isEqualTo(fund.allocated()).isEqualTo(Money.ofYuan(200_000));
        assertThat(end.disbursed()).isEqualTo(fund.disbursed()).isEqualTo(Money.ofYuan(50_000));
        assertThat(end.clawedBack()).isEqualTo(fund.clawedBack()).isEqualTo(Money.parseYuan("100000.50"));
        assertThat(end.remaining()).isEqualTo(fund.remaining()).isEqualTo(Money.parseYuan("2199999.50"));
        assertThat(ledger.totals().movements().released()).isEqualTo(Money.parseYuan("199999.50"));
        assertThat(ledger.totals().allocatedGross()).isEqualTo(Money.ofYuan(500_000));
        assertThat(ledger.totals().disbursedGross()).isEqualTo(Money.parseYuan("150000.50"));
        for (Ledger.Line line : ledger.lines()) {
            assertThat(line.balances().remaining()).as("line " + line.line()).isGreaterThanOrEqualTo(Money.ZERO);
        }
    }

    @Test
    void aBudgetMustBePositive() {
        assertThatThrownBy(() -> SpecialFund.none(2013).open(Money.ZERO, LocalDate.of(2013, 1, 1), TWO_MILLION, by("x")))
                .isInstanceOf(Refused.class);
    }
}
