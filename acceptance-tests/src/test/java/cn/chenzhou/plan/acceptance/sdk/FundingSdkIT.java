package cn.chenzhou.plan.acceptance.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chenzhou.plan.acceptance.RunningPlatform;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.sdk.Level;
import cn.chenzhou.plan.sdk.PlatformApiException;
import cn.chenzhou.plan.sdk.PlatformClient;
import cn.chenzhou.plan.sdk.funding.CountyStatistics;
import cn.chenzhou.plan.sdk.funding.Funding;
import cn.chenzhou.plan.sdk.funding.MatchingFunds;
import cn.chenzhou.plan.sdk.funding.SecuredFunds;
import cn.chenzhou.plan.sdk.funding.SpecialFund;
import cn.chenzhou.plan.sdk.funding.SpecialFund.Allocation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every operation of funding-service through the SDK: finance moves the money, a county files its own figures. */
class FundingSdkIT {
    /**
     * A year well before the plan, opened by these tests: the demo plan's budgets, its F1 progress and its F3
     * growth comparisons (2012 against 2011) stay as they are for the other tests of the shared platform.
     */
    private static final int YEAR = 2010;
    private static PlatformClient finance;
    private static PlatformClient county;
    private static PlatformClient viewer;

    @BeforeAll
    static void connect() throws Exception {
        RunningPlatform platform = RunningPlatform.shared();
        finance = SdkClients.as(platform, "finance");
        county = SdkClients.as(platform, "county-431027");
        viewer = SdkClients.as(platform, "viewer");
        try {
            finance.funding().openSpecialFund(new SpecialFund.OpenFund(YEAR, Money.ofYuan(500_000), LocalDate.of(YEAR, 1, 1)));
        } catch (PlatformApiException.Conflict alreadyOpen) {
            // a rerun on the same platform: the year is open already; any other conflict is a failure
            if (!"fund-already-open".equals(alreadyOpen.problem().shortType())) {
                throw alreadyOpen;
            }
        }
    }

    @AfterAll
    static void close() {
        finance.close();
        county.close();
        viewer.close();
    }

    @Test
    void aBudgetAboveThePlansFigureIsAProposalThatCountsOnlyWhenThePlanOfficeApprovesIt() {
        int year = 2008;
        SpecialFund.BudgetProposal proposal;
        try {
            finance.funding().openSpecialFund(new SpecialFund.OpenFund(year, Money.ofYuan(2_500_000),
                    LocalDate.of(year, 1, 1), "省科技厅追加配套"));
            throw new AssertionError("a budget above the plan's figure was opened by finance alone");
        } catch (SpecialFund.ProposalRecorded recorded) {
            proposal = recorded.proposal();
        } catch (PlatformApiException.Conflict alreadyOpen) {
            // a rerun on the same platform: the year was opened by an earlier run's approval
            assertThat(alreadyOpen.problem().shortType()).isIn("fund-already-open", "budget-proposal-pending");
            return;
        }
        assertThat(proposal.isPending()).isTrue();
        assertThat(proposal.planFigure()).isEqualTo(Money.ofYuan(2_000_000));
        String id = proposal.id();
        assertThatThrownBy(() -> finance.funding().approveBudgetProposal(id, null, null))
                .isInstanceOf(PlatformApiException.Forbidden.class);
        try (PlatformClient office = SdkClients.as(RunningPlatform.shared(), "plan-office")) {
            SpecialFund.BudgetProposal approved = office.funding().approveBudgetProposal(id, "经领导小组办公室审定", null);
            assertThat(approved.status()).isEqualTo("APPROVED");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(viewer.funding().specialFund(year).budget()).isEqualTo(Money.ofYuan(2_500_000));
        assertThat(viewer.funding().budgetProposals(year, "APPROVED", 0, 20).items())
                .extracting(SpecialFund.BudgetProposal::id).contains(id);
    }

    @Test
    void financeAllocatesDisbursesAndRevokesWithinTheBudgetAndTheLedgerShowsEveryLine() {
        Funding money = finance.funding();
        assertThat(money.specialFunds()).extracting(SpecialFund::year).contains(2012, 2013, 2014, YEAR);
        SpecialFund before = money.specialFund(YEAR);

        SpecialFund.BudgetRevision revised = money.reviseBudget(YEAR, new SpecialFund.ReviseBudget(
                before.budget().plus(Money.ofYuan(100_000)), LocalDate.of(YEAR, 6, 1), "年中追加预算"));
        assertThat(revised.to()).isEqualTo(before.budget().plus(Money.ofYuan(100_000)));
        assertThat(money.budgetRevisions(YEAR)).extracting(SpecialFund.BudgetRevision::line).contains(revised.line());

        Allocation a = money.allocate(YEAR, new SpecialFund.Allocate(SpecialFund.Purpose.KEY_ENTERPRISE,
                new SpecialFund.Beneficiary("桂东县万洋山茶业有限公司", SdkClients.newCreditCode("431027")), "431027", null,
                Money.ofYuan(60_000), "郴科计〔2010〕T1号", LocalDate.of(YEAR, 7, 1)));
        assertThat(a.status()).isEqualTo("ALLOCATED");
        SpecialFund.Disbursement d = money.disburse(YEAR, a.id(), new SpecialFund.Disburse(Money.ofYuan(20_000),
                LocalDate.of(YEAR, 7, 15), "郴财科拨〔2010〕T1号"));
        assertThat(d.allocationId()).isEqualTo(a.id());
        assertThatThrownBy(() -> money.disburse(YEAR, a.id(), new SpecialFund.Disburse(Money.ofYuan(50_000),
                LocalDate.of(YEAR, 8, 1), null))).isInstanceOfSatisfying(PlatformApiException.Conflict.class, e -> {
                    assertThat(e.type()).isEqualTo("over-allocation");
                    assertThat(e.problem().extension("remaining")).isEqualTo("40000.00");
                });
        Allocation revoked = money.revokeAllocation(YEAR, a.id(), new SpecialFund.RevokeAllocation(LocalDate.of(YEAR, 9, 1), "企业放弃"));
        assertThat(revoked.status()).isEqualTo("REVOKED");
        assertThat(revoked.revocation().clawedBack()).isEqualTo(Money.ofYuan(20_000));
        assertThat(money.allocation(YEAR, a.id()).revocation()).isNotNull();
        assertThat(money.allocations(YEAR, "431027", SpecialFund.Purpose.KEY_ENTERPRISE, 0, 50).items())
                .extracting(Allocation::id).contains(a.id());

        Money remaining = money.specialFund(YEAR).remaining();
        assertThatThrownBy(() -> money.allocate(YEAR, new SpecialFund.Allocate(SpecialFund.Purpose.OUTSTANDING_TALENT,
                SpecialFund.Beneficiary.person("郭华林"), "431027", null, remaining.plus(Money.ofFen(1)), "郴科计〔2010〕T2号",
                LocalDate.of(YEAR, 10, 1)))).isInstanceOfSatisfying(PlatformApiException.Conflict.class,
                e -> assertThat(e.type()).isEqualTo("over-budget"));

        SpecialFund.Ledger ledger = viewer.funding().ledger(YEAR);
        assertThat(ledger.lines()).extracting(SpecialFund.Ledger.Line::entry)
                .contains("BUDGET_OPENED", "BUDGET_REVISED", "ALLOCATED", "DISBURSED", "REVOKED");
        assertThat(new String(viewer.funding().ledgerCsv(YEAR), StandardCharsets.UTF_8)).contains(a.id());
        // the demo plan's finance books, as the finance section opens them in Excel
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(viewer.funding().ledgerXlsx(2013)))) {
            assertThat(book.getSheetAt(0).getPhysicalNumberOfRows()).isGreaterThan(10);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> county.funding().ledger(2013)).isInstanceOf(PlatformApiException.Forbidden.class);
        assertThatThrownBy(() -> county.funding().allocate(YEAR, new SpecialFund.Allocate(SpecialFund.Purpose.OUTSTANDING_TALENT,
                SpecialFund.Beneficiary.person("郭华林"), "431027", null, Money.ofYuan(1), "x", LocalDate.of(YEAR, 10, 1))))
                .isInstanceOf(PlatformApiException.Forbidden.class);
    }

    @Test
    void securedFundsAreRecordedAndCorrectedAndTheDemoPlanIsWellOnItsWayToTheTarget() {
        Funding money = finance.funding();
        SecuredFunds.Progress before = viewer.funding().securedFundsProgress(LocalDate.of(2014, 12, 31));
        assertThat(before.net().fen()).isGreaterThan(Money.ofYuan(130_000_000).fen());

        SecuredFunds entry = money.secureFunds(new SecuredFunds.Secure("431027", Level.PROVINCIAL, "COUNTY_ECONOMY", null,
                Money.ofYuan(300_000), LocalDate.of(YEAR, 11, 30), "湘财教指〔2010〕T1号"));
        SecuredFunds.Reversal reversal = money.reverseSecuredFunds(entry.id(), new SecuredFunds.Reverse(Money.ofYuan(100_000),
                LocalDate.of(YEAR, 12, 31), "清算调减"));
        assertThat(reversal.id()).isEqualTo(entry.id() + "-R1");
        assertThat(money.securedFundsEntry(entry.id()).net()).isEqualTo(Money.ofYuan(200_000));
        assertThat(money.securedFunds("431027", Level.PROVINCIAL, YEAR, 0, 50).items()).extracting(SecuredFunds::id).contains(entry.id());
        // secured before the plan period: it does not count toward the plan's target
        assertThat(viewer.funding().securedFundsProgress(LocalDate.of(2014, 12, 31)).net()).isEqualTo(before.net());
        // a county portal sees the city's progress but only its own county's breakdown
        assertThat(county.funding().securedFundsProgress(null).byCounty().keySet()).containsOnly("431027");
    }

    @Test
    void aCountyCommitsItsMatchingFundsFinanceRecordsThePaymentAndTheCountyFilesAndRevisesItsStatistics() {
        int year = YEAR;
        MatchingFunds.Entry commitment = county.funding().commitMatchingFunds(new MatchingFunds.Commit("431027", year,
                Money.ofYuan(200_000), LocalDate.of(year, 3, 1), "桂东政函〔2010〕T1号"));
        MatchingFunds.Entry payment = finance.funding().payMatchingFunds(new MatchingFunds.Pay("431027", year,
                Money.ofYuan(150_000), LocalDate.of(year, 6, 1), "桂东财预〔2010〕T1号"));
        MatchingFunds mf = county.funding().matchingFunds("431027", year);
        assertThat(mf.commitments()).extracting(MatchingFunds.Entry::id).contains(commitment.id());
        assertThat(mf.payments()).extracting(MatchingFunds.Entry::id).contains(payment.id());
        assertThat(viewer.funding().matchingFunds("431027", 2014, 0, 10).items()).hasSize(1);

        // a year nobody filed yet (other suites of the shared platform file statistics of early years too)
        int statsYear = freeStatisticsYear("431027");
        CountyStatistics.Revision filed = county.funding().fileCountyStatistics(new CountyStatistics.File("431027", statsYear,
                Money.ofYuan(1_030_000_000), Money.ofYuan(7_500_000), Money.ofYuan(360_000_000), Money.ofYuan(20_000_000),
                Money.ofYuan(45_000_000), LocalDate.of(statsYear, 12, 20)));
        assertThat(filed.revision()).isEqualTo(1);
        CountyStatistics.Revision revised = county.funding().reviseCountyStatistics("431027", statsYear, new CountyStatistics.Revise(1,
                Money.ofYuan(1_030_000_000), Money.ofYuan(8_000_000), Money.ofYuan(360_000_000), Money.ofYuan(20_000_000),
                Money.ofYuan(45_000_000), LocalDate.of(statsYear + 1, 3, 1), "决算更正"));
        assertThat(revised.revision()).isEqualTo(2);
        assertThat(viewer.funding().countyStatistics("431027", statsYear).revisions()).hasSize(2);
        // the demo plan's figures: every county, every year of the plan
        assertThat(viewer.funding().countyStatistics(null, 2014, 0, 50).total()).isEqualTo(11);
        assertThatThrownBy(() -> county.funding().fileCountyStatistics(new CountyStatistics.File("431028", year,
                Money.ofYuan(1), Money.ZERO, Money.ofYuan(1), Money.ZERO, Money.ZERO, LocalDate.of(statsYear, 12, 20))))
                .isInstanceOf(PlatformApiException.Forbidden.class);
    }

    private static int freeStatisticsYear(String county) {
        for (int year = 2009; year >= 2000; year--) {
            try {
                viewer.funding().countyStatistics(county, year);
            } catch (PlatformApiException.NotFound free) {
                return year;
            }
        }
        throw new IllegalStateException("no free statistics year for " + county);
    }
}
