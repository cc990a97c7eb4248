package cn.chenzhou.plan.sdk.demo;

import cn.chenzhou.plan.sdk.demo.DemoDataset.DemoAllocation;
import cn.chenzhou.plan.sdk.demo.DemoDataset.DemoMatchingFunds;

/** How many commands a load of the dataset makes (or finds already made): the length of the progress bar. */
final class DemoCommands {
    private DemoCommands() {
    }

    static int count(DemoDataset d) {
        int n = 1; // the registry's own reference data
        n += d.platforms().stream().mapToInt(p -> 1 + one(p.accreditation()) + one(p.revocation())).sum();
        n += d.designations().stream().mapToInt(x -> 1 + one(x.grant()) + one(x.revocation())).sum();
        n += d.enterprises().stream().mapToInt(e -> 1 + one(e.reclassification()) + one(e.rdInstitution()) + one(e.closure())).sum();
        n += d.alliances().stream().mapToInt(a -> 1 + a.joins().size()).sum();
        n += d.allianceJoins().stream().mapToInt(j -> j.joins().size()).sum();
        n += d.assessments().stream().mapToInt(a -> 1 + one(a.correction())).sum();
        n += d.projects().stream().mapToInt(p -> 1 + p.life().size()).sum();
        n += d.achievements().stream().mapToInt(a -> 1 + one(a.withdrawal())).sum();
        n += d.industries().stream().mapToInt(i -> 1 + one(i.drivers()) + one(i.recognition())).sum();
        n += d.specialFund().years().size() + d.specialFund().budgetRevisions().size();
        n += d.specialFund().allocations().stream().mapToInt(DemoCommands::allocation).sum();
        n += d.securedFunds().stream().mapToInt(s -> 1 + one(s.reversal())).sum();
        n += d.matchingFunds().stream().mapToInt(DemoCommands::matching).sum();
        n += d.countyStatistics().stream().mapToInt(s -> 1 + one(s.correction())).sum();
        return n;
    }

    private static int allocation(DemoAllocation a) {
        return 1 + a.disbursements().size() + one(a.revocation());
    }

    private static int matching(DemoMatchingFunds m) {
        return m.commitments().size() + m.payments().size();
    }

    private static int one(Object o) {
        return o == null ? 0 : 1;
    }
}
