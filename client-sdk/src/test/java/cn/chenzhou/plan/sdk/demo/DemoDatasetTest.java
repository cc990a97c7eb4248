package cn.chenzhou.plan.sdk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.contracts.CreditCode;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.sdk.demo.DemoDataset.DemoAllocation;
import cn.chenzhou.plan.sdk.demo.DemoDataset.DemoProject;
import cn.chenzhou.plan.sdk.demo.DemoDataset.Step;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.ExpertScore;
import cn.chenzhou.plan.sdk.projects.ProjectStatus;
import cn.chenzhou.plan.sdk.registry.Designation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The demo plan is a plan the platform would accept, command by command, and one that looks alive on the dashboard:
 * valid credit codes, money within its budgets, every date inside 2012–2014, every project's life a path the
 * project-service allows, and targets met by some counties and missed by others.
 */
class DemoDatasetTest {
    private final DemoDataset data = DemoDataset.builtIn();

    @Test
    void everyCreditCodeInTheDatasetCarriesItsCheckCharacter() {
        List<String> codes = new ArrayList<>();
        data.projects().forEach(p -> codes.add(p.applicant().creditCode()));
        data.achievements().forEach(a -> codes.add(a.enterprise().creditCode()));
        data.platforms().forEach(p -> codes.add(p.host().creditCode()));
        data.designations().stream().filter(d -> d.holder().creditCode() != null).forEach(d -> codes.add(d.holder().creditCode()));
        data.enterprises().forEach(e -> codes.add(e.creditCode()));
        data.alliances().forEach(a -> a.members().stream().filter(m -> m.organisation().creditCode() != null)
                .forEach(m -> codes.add(m.organisation().creditCode())));
        data.allianceJoins().forEach(j -> j.joins().forEach(m -> codes.add(m.organisation().creditCode())));
        data.specialFund().allocations().stream().filter(a -> a.beneficiary().creditCode() != null)
                .forEach(a -> codes.add(a.beneficiary().creditCode()));
        assertThat(codes).hasSizeGreaterThan(300).allSatisfy(code -> assertThat(CreditCode.problem(code)).as(code).isNull());
        // characters 3–8 are the division of registration: a county's organisation is registered in that county
        data.enterprises().forEach(e -> assertThat(e.creditCode().substring(2, 8)).isEqualTo(e.county()));
    }

    @Test
    void noYearAllocatesMoreThanItsBudgetAndNoAllocationPaysOutMoreThanItWasGiven() {
        Map<Integer, Money> budgets = data.specialFund().years().stream()
                .collect(Collectors.toMap(DemoDataset.Year::year, DemoDataset.Year::budget));
        assertThat(budgets.keySet()).containsExactlyInAnyOrder(2012, 2013, 2014);
        Map<Integer, Money> allocated = new HashMap<>();
        for (DemoAllocation a : data.specialFund().allocations()) {
            allocated.merge(a.year(), a.amount(), Money::plus);
            Money paid = a.disbursements().stream().map(DemoDataset.Payment::amount).reduce(Money.ZERO, Money::plus);
            assertThat(paid.exceeds(a.amount())).as(a.ref()).isFalse();
            assertThat(a.allocatedOn().getYear()).as(a.ref()).isEqualTo(a.year());
            a.disbursements().forEach(d -> assertThat(d.on()).as(a.ref()).isAfterOrEqualTo(a.allocatedOn()));
            if (a.revocation() != null) {
                assertThat(a.revocation().on()).isAfterOrEqualTo(a.disbursements().get(a.disbursements().size() - 1).on());
            }
        }
        // gross: even counting what a revocation gave back, no year ever needs more than its budget
        allocated.forEach((year, sum) -> assertThat(sum.exceeds(budgets.get(year))).as("allocated in " + year).isFalse());
        assertThat(data.specialFund().allocations()).anyMatch(a -> a.revocation() != null);
        assertThat(data.specialFund().allocations().stream().map(DemoAllocation::purpose).distinct()).hasSize(3);
    }

    @Test
    void everyEffectiveDateLiesInsideThePlanPeriod() {
        List<LocalDate> dates = new ArrayList<>();
        for (DemoProject p : data.projects()) {
            dates.add(p.draftedOn());
            p.life().forEach(s -> dates.add(s.on()));
        }
        data.achievements().forEach(a -> {
            dates.add(a.transformedOn());
            if (a.withdrawal() != null) {
                dates.add(a.withdrawal().on());
            }
        });
        data.industries().forEach(i -> {
            dates.add(i.registeredOn());
            if (i.drivers() != null) {
                dates.add(i.drivers().on());
            }
            if (i.recognition() != null) {
                dates.add(i.recognition().on());
            }
        });
        data.platforms().forEach(p -> {
            dates.add(p.registeredOn());
            if (p.accreditation() != null) {
                dates.add(p.accreditation().on());
            }
            if (p.revocation() != null) {
                dates.add(p.revocation().on());
            }
        });
        data.designations().forEach(d -> {
            dates.add(d.appliedOn());
            if (d.grant() != null) {
                dates.add(d.grant().on());
            }
            if (d.revocation() != null) {
                dates.add(d.revocation().on());
            }
        });
        data.enterprises().forEach(e -> {
            dates.add(e.registeredOn());
            Stream.of(e.reclassification() == null ? null : e.reclassification().on(),
                    e.rdInstitution() == null ? null : e.rdInstitution().on(),
                    e.closure() == null ? null : e.closure().on()).filter(d -> d != null).forEach(dates::add);
        });
        data.alliances().forEach(a -> {
            dates.add(a.formedOn());
            a.joins().forEach(j -> dates.add(j.on()));
        });
        data.allianceJoins().forEach(j -> j.joins().forEach(x -> dates.add(x.on())));
        data.assessments().forEach(a -> {
            dates.add(a.effectiveOn());
            if (a.correction() != null) {
                dates.add(a.correction().on());
            }
        });
        data.specialFund().allocations().forEach(a -> {
            dates.add(a.allocatedOn());
            a.disbursements().forEach(d -> dates.add(d.on()));
            if (a.revocation() != null) {
                dates.add(a.revocation().on());
            }
        });
        data.securedFunds().forEach(s -> {
            dates.add(s.securedOn());
            if (s.reversal() != null) {
                dates.add(s.reversal().on());
            }
        });
        data.matchingFunds().forEach(m -> {
            m.commitments().forEach(c -> dates.add(c.on()));
            m.payments().forEach(p -> dates.add(p.on()));
        });
        data.countyStatistics().forEach(s -> {
            dates.add(s.filedOn());
            if (s.correction() != null) {
                dates.add(s.correction().filedOn());
            }
        });
        assertThat(dates).hasSizeGreaterThan(1500)
                .allSatisfy(d -> assertThat(d).isBetween(data.periodStart(), data.periodEnd()));
        assertThat(data.periodStart()).isEqualTo(LocalDate.of(2012, 1, 1));
        assertThat(data.periodEnd()).isEqualTo(LocalDate.of(2014, 12, 31));
    }

    @Test
    void everyProjectLivesAPathTheProjectServiceAllowsAndEndsInEveryKindOfStatus() {
        Map<ProjectStatus, Integer> ends = new HashMap<>();
        for (DemoProject p : data.projects()) {
            ProjectStatus status = ProjectStatus.DRAFT;
            LocalDate last = p.draftedOn();
            Money requested = p.requestedAmount();
            assertThat(p.period().end()).as(p.ref()).isAfter(p.period().start());
            for (Step s : p.life()) {
                assertThat(s.on()).as(p.ref() + " " + s.step()).isAfterOrEqualTo(last);
                last = s.on();
                if (s.requestedAmount() != null) {
                    requested = s.requestedAmount();
                }
                status = next(p.ref(), status, s);
                if (s.step().equals("approve")) {
                    assertThat(s.approvedAmount().exceeds(requested)).as(p.ref()).isFalse();
                    assertThat(s.taskContractNo()).isNotBlank();
                }
                if (s.step().equals("expert-review")) {
                    assertThat(s.reviews()).hasSizeGreaterThanOrEqualTo(3);
                    assertThat(s.reviews().stream().map(ExpertScore::expert).distinct()).hasSameSizeAs(s.reviews());
                    assertThat(s.reviews()).allSatisfy(r -> assertThat(r.score()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100)));
                }
            }
            ends.merge(status, 1, Integer::sum);
        }
        assertThat(ends.keySet()).containsAll(EnumSet.of(ProjectStatus.DRAFT, ProjectStatus.SUBMITTED, ProjectStatus.RETURNED,
                ProjectStatus.FORMAL_REVIEW_PASSED, ProjectStatus.EXPERT_REVIEWED, ProjectStatus.APPROVED,
                ProjectStatus.REJECTED, ProjectStatus.IN_PROGRESS, ProjectStatus.ACCEPTED, ProjectStatus.TERMINATED));
        // most applications end approved; a good share of them accepted by the end of 2014
        int approvedOnes = ends.getOrDefault(ProjectStatus.APPROVED, 0) + ends.getOrDefault(ProjectStatus.IN_PROGRESS, 0)
                + ends.getOrDefault(ProjectStatus.ACCEPTED, 0) + ends.getOrDefault(ProjectStatus.TERMINATED, 0);
        assertThat(approvedOnes).isGreaterThan(data.projects().size() / 2);
        assertThat(ends.get(ProjectStatus.ACCEPTED)).isGreaterThan(data.projects().size() / 4);
    }

    /** The project-service's state machine, as its API documents it. */
    private static ProjectStatus next(String ref, ProjectStatus from, Step s) {
        ProjectStatus to = switch (s.step()) {
            case "submit" -> allowed(from, ProjectStatus.SUBMITTED, ProjectStatus.DRAFT, ProjectStatus.RETURNED);
            case "revise" -> allowed(from, from, ProjectStatus.DRAFT, ProjectStatus.RETURNED);
            case "formal-review" -> allowed(from, "RETURNED".equals(s.outcome()) ? ProjectStatus.RETURNED
                    : ProjectStatus.FORMAL_REVIEW_PASSED, ProjectStatus.SUBMITTED);
            case "expert-review" -> allowed(from, ProjectStatus.EXPERT_REVIEWED, ProjectStatus.FORMAL_REVIEW_PASSED);
            case "approve" -> allowed(from, ProjectStatus.APPROVED, ProjectStatus.EXPERT_REVIEWED);
            case "reject" -> allowed(from, ProjectStatus.REJECTED, ProjectStatus.EXPERT_REVIEWED);
            case "start" -> allowed(from, ProjectStatus.IN_PROGRESS, ProjectStatus.APPROVED);
            case "midterm-check" -> allowed(from, from, ProjectStatus.IN_PROGRESS);
            case "accept" -> allowed(from, ProjectStatus.ACCEPTED, ProjectStatus.IN_PROGRESS);
            case "terminate" -> allowed(from, ProjectStatus.TERMINATED, ProjectStatus.APPROVED, ProjectStatus.IN_PROGRESS);
            default -> null;
        };
        assertThat(to).as(ref + ": " + s.step() + " from " + from).isNotNull();
        if (s.step().equals("formal-review") && "RETURNED".equals(s.outcome()) || s.step().equals("reject")
                || s.step().equals("terminate")) {
            assertThat(s.reason()).as(ref + " " + s.step()).isNotBlank();
        }
        return to;
    }

    private static ProjectStatus allowed(ProjectStatus from, ProjectStatus to, ProjectStatus... sources) {
        return Set.of(sources).contains(from) ? to : null;
    }

    @Test
    void refsAreUniqueAndEveryReferenceIsToAnApprovedProjectOrARecordOfTheSameCounty() {
        Map<String, DemoProject> projects = unique(data.projects(), DemoProject::ref);
        Set<String> approved = data.projects().stream()
                .filter(p -> p.life().stream().anyMatch(s -> s.step().equals("approve")))
                .map(DemoProject::ref).collect(Collectors.toSet());
        unique(data.achievements(), DemoDataset.DemoAchievement::ref);
        unique(data.platforms(), DemoDataset.DemoPlatform::ref);
        unique(data.designations(), DemoDataset.DemoDesignation::ref);
        unique(data.specialFund().allocations(), DemoAllocation::ref);
        unique(data.securedFunds(), DemoDataset.DemoSecuredFunds::ref);
        unique(data.projects(), p -> p.county() + "|" + p.title());
        unique(data.enterprises(), DemoDataset.DemoEnterprise::creditCode);
        unique(data.platforms(), p -> p.county() + "|" + p.name() + "|" + p.type());
        unique(data.platforms(), p -> p.host().creditCode() + "|" + p.type() + "|" + p.level());
        unique(data.designations(), d -> RegistryLoad.designationKey(d.county(), d.kind(), d.level(), d.holder().name()));
        unique(data.assessments(), a -> a.county() + "|" + a.year());
        unique(data.countyStatistics(), s -> s.county() + "|" + s.year());
        unique(data.alliances(), DemoDataset.DemoAlliance::name);

        Map<String, String> achievementCounty = data.achievements().stream()
                .collect(Collectors.toMap(DemoDataset.DemoAchievement::ref, DemoDataset.DemoAchievement::county));
        data.achievements().stream().filter(a -> a.projectRef() != null).forEach(a -> {
            assertThat(approved).as(a.ref()).contains(a.projectRef());
            assertThat(projects.get(a.projectRef()).county()).isEqualTo(a.county());
        });
        data.industries().forEach(i -> {
            i.drivers().projects().forEach(p -> assertThat(projects.get(p).county()).isEqualTo(i.county()));
            i.drivers().projects().forEach(p -> assertThat(approved).contains(p));
            i.drivers().achievements().forEach(a -> assertThat(achievementCounty.get(a)).isEqualTo(i.county()));
        });
        data.specialFund().allocations().stream().filter(a -> a.projectRef() != null)
                .forEach(a -> assertThat(approved).as(a.ref()).contains(a.projectRef()));
        data.securedFunds().stream().filter(s -> s.projectRef() != null)
                .forEach(s -> assertThat(approved).as(s.ref()).contains(s.projectRef()));
    }

    @Test
    void everyIdempotencyKeyTheLoaderWillSendIsOneThePlatformAccepts() {
        List<String> refs = new ArrayList<>();
        data.projects().forEach(p -> refs.add(p.ref()));
        data.achievements().forEach(a -> refs.add(a.ref()));
        data.industries().forEach(i -> refs.add(i.ref()));
        data.platforms().forEach(p -> refs.add(p.ref()));
        data.designations().forEach(d -> refs.add(d.ref()));
        data.alliances().forEach(a -> refs.add(a.ref()));
        data.specialFund().allocations().forEach(a -> refs.add(a.ref()));
        data.securedFunds().forEach(s -> refs.add(s.ref()));
        LoadContext ctx = new LoadContext(data, null, Progress.silent());
        // the longest keys: a ref with its longest step suffix
        assertThat(refs).allSatisfy(ref -> {
            String key = ctx.key("xxx", ref, "12-formal-review", "91431023DM0000000X");
            assertThat(key).matches("[A-Za-z0-9._:-]{8,100}");
        });
    }

    @Test
    void theCountiesMeetTheShareTargetsUnevenlySoTheDashboardHasSomethingToSay() {
        assertThat(data.countyStatistics().stream().map(DemoDataset.DemoStatistics::county).distinct())
                .containsExactlyInAnyOrderElementsOf(County.codes());
        assertThat(data.countyStatistics()).hasSize(33);
        var latest = data.countyStatistics().stream().filter(s -> s.year() == 2014).toList();
        long t9 = latest.stream().filter(s -> share(s.figures().fiscalStExpenditure(), s.figures().fiscalExpenditure()) >= 1.3).count();
        long t10 = latest.stream().filter(s -> share(s.figures().enterpriseRd(), s.figures().societyRd()) >= 70).count();
        assertThat(t9).isBetween(3L, 9L);
        assertThat(t10).isBetween(3L, 9L);
        latest.forEach(s -> {
            assertThat(s.figures().fiscalStExpenditure().exceeds(s.figures().fiscalExpenditure())).isFalse();
            assertThat(s.figures().enterpriseRd().exceeds(s.figures().societyRd())).isFalse();
        });
    }

    @Test
    void securedFundsApproachButDoNotReachTheHundredAndFiftyMillionAndEveryCountyIsAssessedEveryYear() {
        Money net = data.securedFunds().stream()
                .map(s -> s.reversal() == null ? s.amount() : s.amount().minus(s.reversal().amount()))
                .reduce(Money.ZERO, Money::plus);
        assertThat(net.fen()).isBetween(Money.ofYuan(120_000_000).fen(), Money.ofYuan(150_000_000).fen() - 1);
        assertThat(data.assessments()).hasSize(33);
        var final2014 = data.assessments().stream().filter(a -> a.year() == 2014).toList();
        assertThat(final2014).allSatisfy(a -> assertThat(a.result().name()).isIn("PASSED", "ADVANCED"));
        assertThat(final2014.stream().filter(a -> a.result().name().equals("ADVANCED")).count()).isGreaterThanOrEqualTo(4);
        assertThat(data.achievements().stream().filter(a -> a.withdrawal() == null).count()).isBetween(15L, 19L);
        assertThat(data.designations().stream().map(DemoDataset.DemoDesignation::kind).distinct())
                .hasSize(Designation.Kind.values().length);
        assertThat(data.platforms()).anyMatch(p -> p.revocation() != null);
        assertThat(data.enterprises()).anyMatch(e -> e.larger() && e.rdInstitution() == null);
    }

    private static double share(Money part, Money whole) {
        return part.fen() * 100.0 / whole.fen();
    }

    private static <T> Map<String, T> unique(List<T> items, Function<T, String> key) {
        Map<String, T> seen = new HashMap<>();
        Set<String> duplicates = new HashSet<>();
        for (T item : items) {
            if (seen.put(key.apply(item), item) != null) {
                duplicates.add(key.apply(item));
            }
        }
        assertThat(duplicates).as("duplicates").isEmpty();
        return seen;
    }
}
