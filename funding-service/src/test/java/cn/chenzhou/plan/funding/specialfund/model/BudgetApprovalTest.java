package cn.chenzhou.plan.funding.specialfund.model;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.model.Ceiling;
import cn.chenzhou.plan.funding.command.model.Outcome;
import cn.chenzhou.plan.funding.command.model.Recording;
import cn.chenzhou.plan.funding.command.model.Refusal;
import cn.chenzhou.plan.funding.command.model.Refused;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.ApprovalRequired;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.ProposalDecided;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.ProposalPending;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFundRefusals.SamePrincipal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The special fund's budget rules, as the plan reads: a year's budget above the plan's figure (¥2,000,000) needs the
 * plan office's approval — finance proposes, another principal approves, and only then does it count; the budget's
 * dates only run forward; an allocation belongs to its fund's year; no budget passes its ceiling.
 */
class BudgetApprovalTest {
    private static final Money FIGURE = Money.ofYuan(2_000_000);
    private static final Beneficiary TALENT = new Beneficiary("李明", null);

    private static Recording by(String principal) {
        return new Recording(Instant.parse("2013-06-01T02:00:00Z"), principal, null);
    }

    private static Recording keyed(String principal, String key) {
        return new Recording(Instant.parse("2013-06-01T02:00:00Z"), principal, principal + "|" + key);
    }

    private static SpecialFund open2013() {
        return SpecialFund.none(2013).open(FIGURE, LocalDate.of(2013, 1, 1), FIGURE, by("finance")).after();
    }

    private static ReviseBudget revise(long yuan, LocalDate on) {
        return new ReviseBudget(Money.ofYuan(yuan), on, "追加预算");
    }

    private static Allocate allocate(long yuan, LocalDate on) {
        return new Allocate(Purpose.OUTSTANDING_TALENT, TALENT, "431002", null, Money.ofYuan(yuan), "郴科发〔2013〕12号", on);
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
    void financeAloneCannotSetABudgetAboveThePlansFigure() {
        SpecialFund fund = open2013();
        assertThat(refusalOf(() -> fund.reviseBudget(revise(9_000_000, LocalDate.of(2013, 3, 1)), FIGURE, by("finance"))))
                .isEqualTo(new ApprovalRequired(2013, Money.ofYuan(9_000_000), FIGURE));
        assertThat(refusalOf(() -> SpecialFund.none(2014).open(Money.parseYuan("2000000.01"), LocalDate.of(2014, 1, 1),
                FIGURE, by("finance")))).isInstanceOf(ApprovalRequired.class);
        // within the figure, finance sets it alone
        assertThat(fund.reviseBudget(revise(1_500_000, LocalDate.of(2013, 3, 1)), FIGURE, by("finance")).after().budget())
                .isEqualTo(Money.ofYuan(1_500_000));
    }

    @Test
    void aProposedRevisionCountsOnlyOnceAnotherPrincipalApprovesIt() {
        Outcome<SpecialFund, BudgetProposal> proposed = open2013()
                .proposeRevision("bp-1", revise(3_000_000, LocalDate.of(2013, 7, 1)), FIGURE, by("finance"));
        SpecialFund waiting = proposed.after();
        assertThat(proposed.result().status()).isEqualTo(BudgetProposal.Status.PENDING);
        assertThat(waiting.budget()).isEqualTo(FIGURE);
        assertThat(waiting.remaining()).isEqualTo(FIGURE);
        assertThat(waiting.lines()).isEqualTo(1);
        assertThat(refusalOf(() -> waiting.allocate("a1", allocate(2_500_000, LocalDate.of(2013, 8, 1)), by("finance"))))
                .isInstanceOf(SpecialFundRefusals.OverBudget.class);

        assertThat(refusalOf(() -> waiting.approve("bp-1", null, by("finance"))))
                .isEqualTo(new SamePrincipal("bp-1", "finance"));
        assertThat(refusalOf(() -> waiting.approve("bp-1", null, by("finance"))).kind()).isEqualTo(Refusal.Kind.FORBIDDEN);

        Outcome<SpecialFund, BudgetProposal> approved = waiting.approve("bp-1", "经领导小组办公室审定", by("plan-office"));
        SpecialFund raised = approved.after();
        assertThat(approved.result().status()).isEqualTo(BudgetProposal.Status.APPROVED);
        assertThat(raised.budget()).isEqualTo(Money.ofYuan(3_000_000));
        assertThat(raised.revisions()).singleElement().satisfies(r -> {
            assertThat(r.proposalId()).isEqualTo("bp-1");
            assertThat(r.revisedOn()).isEqualTo(LocalDate.of(2013, 7, 1));
            assertThat(r.recorded().by()).isEqualTo("plan-office");
            assertThat(r.line()).isEqualTo(2);
        });
        assertThat(refusalOf(() -> raised.reject("bp-1", "no", by("plan-office"))))
                .isEqualTo(new ProposalDecided("bp-1", BudgetProposal.Status.APPROVED));
    }

    @Test
    void aRejectedProposalLeavesTheBudgetAsItWas() {
        SpecialFund waiting = open2013().proposeRevision("bp-1", revise(3_000_000, LocalDate.of(2013, 7, 1)), FIGURE,
                by("finance")).after();
        Outcome<SpecialFund, BudgetProposal> rejected = waiting.reject("bp-1", "超出年度额度", by("plan-office"));
        assertThat(rejected.result().status()).isEqualTo(BudgetProposal.Status.REJECTED);
        assertThat(rejected.result().decision().note()).isEqualTo("超出年度额度");
        assertThat(rejected.after().budget()).isEqualTo(FIGURE);
        assertThat(rejected.after().revisions()).isEmpty();
        // and the year takes budget changes again
        assertThat(rejected.after().reviseBudget(revise(1_800_000, LocalDate.of(2013, 8, 1)), FIGURE, by("finance"))
                .changed()).isTrue();
    }

    @Test
    void whileAProposalWaitsTheBudgetTakesNoOtherChange() {
        SpecialFund waiting = open2013().proposeRevision("bp-1", revise(3_000_000, LocalDate.of(2013, 7, 1)), FIGURE,
                by("finance")).after();
        assertThat(refusalOf(() -> waiting.reviseBudget(revise(1_000_000, LocalDate.of(2013, 8, 1)), FIGURE, by("finance"))))
                .isEqualTo(new ProposalPending(2013, "bp-1"));
        assertThat(refusalOf(() -> waiting.proposeRevision("bp-2", revise(4_000_000, LocalDate.of(2013, 8, 1)), FIGURE,
                by("finance")))).isEqualTo(new ProposalPending(2013, "bp-1"));
    }

    @Test
    void aYearWhoseOpeningIsProposedIsNotOpenUntilApproved() {
        SpecialFund proposed = SpecialFund.none(2015).proposeOpening("bp-1", Money.ofYuan(5_000_000),
                LocalDate.of(2015, 1, 1), "省追加", FIGURE, by("finance")).after();
        assertThat(proposed.isOpen()).isFalse();
        assertThat(proposed.remaining()).isEqualTo(Money.ZERO);
        assertThat(refusalOf(() -> proposed.allocate("a1", allocate(1, LocalDate.of(2015, 2, 1)), by("finance"))).kind())
                .isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(refusalOf(() -> proposed.open(FIGURE, LocalDate.of(2015, 1, 1), FIGURE, by("finance"))))
                .isEqualTo(new ProposalPending(2015, "bp-1"));

        SpecialFund opened = proposed.approve("bp-1", null, by("plan-office")).after();
        assertThat(opened.isOpen()).isTrue();
        assertThat(opened.budget()).isEqualTo(Money.ofYuan(5_000_000));
        assertThat(opened.openedOn()).isEqualTo(LocalDate.of(2015, 1, 1));
        assertThat(opened.lines()).isEqualTo(1);
        assertThat(Ledger.of(opened).lines()).singleElement().satisfies(l -> {
            assertThat(l.entry()).isEqualTo(Ledger.Entry.BUDGET_OPENED);
            assertThat(l.recordedBy()).isEqualTo("plan-office");
        });
    }

    @Test
    void aRevisionIsNeverDatedBeforeTheBudgetItRevises() {
        SpecialFund revised = open2013().reviseBudget(revise(1_500_000, LocalDate.of(2013, 6, 1)), FIGURE, by("finance")).after();
        Refusal backdated = refusalOf(() -> revised.reviseBudget(revise(1_800_000, LocalDate.of(2013, 5, 31)), FIGURE,
                by("finance")));
        assertThat(backdated.field()).isEqualTo("revisedOn");
        Refusal proposedBackdated = refusalOf(() -> revised.proposeRevision("bp-1",
                revise(3_000_000, LocalDate.of(2013, 1, 2)), FIGURE, by("finance")));
        assertThat(proposedBackdated.field()).isEqualTo("revisedOn");
        assertThat(revised.reviseBudget(revise(1_800_000, LocalDate.of(2013, 6, 1)), FIGURE, by("finance")).changed()).isTrue();
    }

    @Test
    void anAllocationIsDatedWithinItsFundsYear() {
        Refusal late = refusalOf(() -> open2013().allocate("a1", allocate(1_000, LocalDate.of(2014, 1, 1)), by("finance")));
        assertThat(late.field()).isEqualTo("allocatedOn");
        assertThat(open2013().allocate("a1", allocate(1_000, LocalDate.of(2013, 12, 31)), by("finance")).changed()).isTrue();
    }

    @Test
    void noBudgetPassesItsCeilingEvenWithApproval() {
        Refusal huge = refusalOf(() -> open2013().proposeRevision("bp-1", revise(9_000_000_000L, LocalDate.of(2013, 7, 1)),
                FIGURE, by("finance")));
        assertThat(huge).isInstanceOf(Ceiling.AmountOverCeiling.class);
        assertThat(huge.field()).isEqualTo("budget");
        assertThat(huge.facts()).containsEntry("ceiling", Money.ofYuan(100_000_000));
        assertThat(open2013().proposeRevision("bp-1", revise(100_000_000, LocalDate.of(2013, 7, 1)), FIGURE, by("finance"))
                .changed()).isTrue();
    }

    @Test
    void aRetriedDecisionIsAnsweredWithTheFirstAndDecidesNothingTwice() {
        SpecialFund waiting = open2013().proposeRevision("bp-1", revise(3_000_000, LocalDate.of(2013, 7, 1)), FIGURE,
                keyed("finance", "k-propose-1")).after();
        Outcome<SpecialFund, BudgetProposal> retriedProposal = waiting.proposeRevision("bp-other",
                revise(3_000_000, LocalDate.of(2013, 7, 1)), FIGURE, keyed("finance", "k-propose-1"));
        assertThat(retriedProposal.changed()).isFalse();
        assertThat(retriedProposal.result().id()).isEqualTo("bp-1");

        SpecialFund approved = waiting.approve("bp-1", null, keyed("plan-office", "k-approve-1")).after();
        Outcome<SpecialFund, BudgetProposal> again = approved.approve("bp-1", null, keyed("plan-office", "k-approve-1"));
        assertThat(again.changed()).isFalse();
        assertThat(again.after().revisions()).hasSize(1);
        assertThat(refusalOf(() -> approved.reject("bp-1", "no", keyed("plan-office", "k-approve-1"))))
                .isInstanceOf(Refusal.RequestKeyReused.class);
    }
}
