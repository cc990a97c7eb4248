package cn.chenzhou.plan.sdk.demo;

import cn.chenzhou.plan.sdk.demo.DemoDataset.BudgetChange;
import cn.chenzhou.plan.sdk.demo.DemoDataset.Commitment;
import cn.chenzhou.plan.sdk.demo.DemoDataset.DemoAllocation;
import cn.chenzhou.plan.sdk.demo.DemoDataset.DemoMatchingFunds;
import cn.chenzhou.plan.sdk.demo.DemoDataset.DemoSecuredFunds;
import cn.chenzhou.plan.sdk.demo.DemoDataset.DemoStatistics;
import cn.chenzhou.plan.sdk.demo.DemoDataset.Figures;
import cn.chenzhou.plan.sdk.demo.DemoDataset.Payment;
import cn.chenzhou.plan.sdk.demo.DemoDataset.Year;
import cn.chenzhou.plan.sdk.funding.CountyStatistics;
import cn.chenzhou.plan.sdk.funding.Funding;
import cn.chenzhou.plan.sdk.funding.MatchingFunds;
import cn.chenzhou.plan.sdk.funding.SecuredFunds;
import cn.chenzhou.plan.sdk.funding.SpecialFund;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The money of the demo. Finance opens the special fund's years where the platform has not, revises budgets,
 * allocates, disburses and revokes, and records secured funds and matching-fund payments; each county commits its
 * matching funds and files its statistics. funding-service keeps every command's key in the aggregate it changed,
 * so a command sent again — in this load or any later one — is answered, never applied twice.
 */
final class FundingLoad {
    private final LoadContext ctx;

    FundingLoad(LoadContext ctx) {
        this.ctx = ctx;
    }

    /** The special fund and the secured funds: the finance section's books, in the order they were kept. */
    void financeBooks() {
        Funding finance = ctx.finance().funding();
        Set<Integer> open = finance.specialFunds().stream().map(SpecialFund::year).collect(Collectors.toSet());
        for (Year y : ctx.data.specialFund().years()) {
            if (open.contains(y.year())) {
                ctx.skipped();
            } else {
                ctx.applyOrFind(() -> finance.openSpecialFund(new SpecialFund.OpenFund(y.year(), y.budget(), y.openedOn()),
                        ctx.key("fund", String.valueOf(y.year()), "open")), () -> finance.specialFund(y.year()));
            }
        }
        for (BudgetChange b : ctx.data.specialFund().budgetRevisions()) {
            finance.reviseBudget(b.year(), new SpecialFund.ReviseBudget(b.budget(), b.on(), b.reason()),
                    ctx.key("fund", String.valueOf(b.year()), "revise", b.on().toString()));
            ctx.applied();
        }
        ctx.data.specialFund().allocations().stream()
                .sorted(Comparator.comparing(DemoAllocation::allocatedOn))
                .forEach(a -> allocation(finance, a));
        for (DemoSecuredFunds s : ctx.data.securedFunds()) {
            SecuredFunds entry = finance.secureFunds(new SecuredFunds.Secure(s.county(), s.level(), s.programme(),
                    ctx.projectId(s.projectRef()), s.amount(), s.securedOn(), s.documentNo()), ctx.key("sec", s.ref()));
            ctx.applied();
            if (s.reversal() != null) {
                finance.reverseSecuredFunds(entry.id(), new SecuredFunds.Reverse(s.reversal().amount(), s.reversal().on(),
                        s.reversal().reason()), ctx.key("sec", s.ref(), "reverse"));
                ctx.applied();
            }
        }
    }

    private void allocation(Funding finance, DemoAllocation a) {
        SpecialFund.Allocation allocation = finance.allocate(a.year(), new SpecialFund.Allocate(a.purpose(), a.beneficiary(),
                a.county(), ctx.projectId(a.projectRef()), a.amount(), a.approvalDocument(), a.allocatedOn()),
                ctx.key("alloc", a.ref()));
        ctx.applied();
        for (int i = 0; i < a.disbursements().size(); i++) {
            Payment p = a.disbursements().get(i);
            finance.disburse(a.year(), allocation.id(), new SpecialFund.Disburse(p.amount(), p.on(), p.voucherNo()),
                    ctx.key("alloc", a.ref(), "disburse", String.valueOf(i + 1)));
            ctx.applied();
        }
        if (a.revocation() != null) {
            finance.revokeAllocation(a.year(), allocation.id(), new SpecialFund.RevokeAllocation(a.revocation().on(),
                    a.revocation().reason()), ctx.key("alloc", a.ref(), "revoke"));
            ctx.applied();
        }
    }

    /** One county's matching funds (committed by its portal, paid as finance saw it) and its statistics. */
    void county(String county) {
        Funding mine = ctx.county(county).funding();
        Funding finance = ctx.finance().funding();
        for (DemoMatchingFunds m : ctx.data.matchingFunds()) {
            if (!m.county().equals(county)) {
                continue;
            }
            String ref = county + "-" + m.year();
            for (int i = 0; i < m.commitments().size(); i++) {
                Commitment c = m.commitments().get(i);
                mine.commitMatchingFunds(new MatchingFunds.Commit(county, m.year(), c.amount(), c.on(), c.documentNo()),
                        ctx.key("match", ref, "commit", String.valueOf(i + 1)));
                ctx.applied();
            }
            for (int i = 0; i < m.payments().size(); i++) {
                Payment p = m.payments().get(i);
                finance.payMatchingFunds(new MatchingFunds.Pay(county, m.year(), p.amount(), p.on(), p.voucherNo()),
                        ctx.key("match", ref, "pay", String.valueOf(i + 1)));
                ctx.applied();
            }
        }
        for (DemoStatistics s : ctx.data.countyStatistics()) {
            if (s.county().equals(county)) {
                statistics(mine, s);
            }
        }
    }

    private void statistics(Funding mine, DemoStatistics s) {
        Figures f = s.figures();
        String ref = s.county() + "-" + s.year();
        CountyStatistics.Revision first = ctx.applyOrFind(() -> mine.fileCountyStatistics(new CountyStatistics.File(
                s.county(), s.year(), f.fiscalExpenditure(), f.fiscalStExpenditure(), f.recurringRevenue(),
                f.enterpriseRd(), f.societyRd(), s.filedOn()), ctx.key("stat", ref, "file")),
                () -> mine.countyStatistics(s.county(), s.year()).revisions().get(0));
        if (s.correction() != null) {
            Figures c = s.correction().figures();
            if (mine.countyStatistics(s.county(), s.year()).current().revision() > first.revision()) {
                ctx.skipped();
                return;
            }
            mine.reviseCountyStatistics(s.county(), s.year(), new CountyStatistics.Revise(first.revision(),
                    c.fiscalExpenditure(), c.fiscalStExpenditure(), c.recurringRevenue(), c.enterpriseRd(), c.societyRd(),
                    s.correction().filedOn(), s.correction().reason()), ctx.key("stat", ref, "revise"));
            ctx.applied();
        }
    }
}
