package cn.chenzhou.plan.reporting.facts.model;

import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.contracts.funding.CountyStatisticsFiled;
import cn.chenzhou.plan.contracts.funding.FundsReversed;
import cn.chenzhou.plan.contracts.funding.FundsSecured;
import cn.chenzhou.plan.contracts.funding.MatchingFundsCommitted;
import cn.chenzhou.plan.contracts.funding.MatchingFundsPaid;
import cn.chenzhou.plan.contracts.funding.SpecialFundAllocated;
import cn.chenzhou.plan.contracts.funding.SpecialFundAllocationRevoked;
import cn.chenzhou.plan.contracts.funding.SpecialFundBudgetOpened;
import cn.chenzhou.plan.contracts.funding.SpecialFundBudgetProposalApproved;
import cn.chenzhou.plan.contracts.funding.SpecialFundBudgetProposalRejected;
import cn.chenzhou.plan.contracts.funding.SpecialFundBudgetProposed;
import cn.chenzhou.plan.contracts.funding.SpecialFundBudgetRevised;
import cn.chenzhou.plan.contracts.funding.SpecialFundDisbursed;
import cn.chenzhou.plan.contracts.project.AchievementTransformationRecorded;
import cn.chenzhou.plan.contracts.project.AchievementTransformationWithdrawn;
import cn.chenzhou.plan.contracts.project.IndustryRecognised;
import cn.chenzhou.plan.contracts.project.IndustryRecognitionRevoked;
import cn.chenzhou.plan.contracts.project.IndustryRegistered;
import cn.chenzhou.plan.contracts.project.ProjectAccepted;
import cn.chenzhou.plan.contracts.project.ProjectApproved;
import cn.chenzhou.plan.contracts.project.ProjectRejected;
import cn.chenzhou.plan.contracts.project.ProjectStarted;
import cn.chenzhou.plan.contracts.project.ProjectSubmitted;
import cn.chenzhou.plan.contracts.project.ProjectTerminated;
import cn.chenzhou.plan.contracts.registry.AllianceFormed;
import cn.chenzhou.plan.contracts.registry.AllianceMemberJoined;
import cn.chenzhou.plan.contracts.registry.AssessmentRecorded;
import cn.chenzhou.plan.contracts.registry.DesignationGranted;
import cn.chenzhou.plan.contracts.registry.DesignationRevoked;
import cn.chenzhou.plan.contracts.registry.EnterpriseRdInstitutionClosed;
import cn.chenzhou.plan.contracts.registry.EnterpriseRdInstitutionEstablished;
import cn.chenzhou.plan.contracts.registry.EnterpriseReclassified;
import cn.chenzhou.plan.contracts.registry.EnterpriseRegistered;
import cn.chenzhou.plan.contracts.registry.PlatformAccredited;
import cn.chenzhou.plan.contracts.registry.PlatformRegistered;
import cn.chenzhou.plan.contracts.registry.PlatformRevoked;
import cn.chenzhou.plan.reporting.facts.model.FactBook.FactChange;
import cn.chenzhou.plan.reporting.facts.model.Facts.Achievement;
import cn.chenzhou.plan.reporting.facts.model.Facts.Alliance;
import cn.chenzhou.plan.reporting.facts.model.Facts.Allocation;
import cn.chenzhou.plan.reporting.facts.model.Facts.AllocationRevocation;
import cn.chenzhou.plan.reporting.facts.model.Facts.Assessment;
import cn.chenzhou.plan.reporting.facts.model.Facts.CountyStatistics;
import cn.chenzhou.plan.reporting.facts.model.Facts.Designation;
import cn.chenzhou.plan.reporting.facts.model.Facts.Disbursement;
import cn.chenzhou.plan.reporting.facts.model.Facts.Enterprise;
import cn.chenzhou.plan.reporting.facts.model.Facts.FundsReversal;
import cn.chenzhou.plan.reporting.facts.model.Facts.Industry;
import cn.chenzhou.plan.reporting.facts.model.Facts.MatchingFunds;
import cn.chenzhou.plan.reporting.facts.model.Facts.Platform;
import cn.chenzhou.plan.reporting.facts.model.Facts.Project;
import cn.chenzhou.plan.reporting.facts.model.Facts.SecuredFunds;
import cn.chenzhou.plan.reporting.facts.model.Facts.SpecialFundBudget;
import cn.chenzhou.plan.reporting.facts.model.Facts.StatisticsFiling;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * How each published event changes reporting's facts. Everything is read and checked before a change is returned,
 * so an unreadable event (a bad date, an unknown level) throws here and changes nothing.
 */
final class EventFacts {
    private static final Set<String> DESIGNATION_KINDS = Set.of("SUSTAINABLE_DEVELOPMENT_ZONE", "SCIENCE_PARK",
            "ACHIEVEMENT_DEMONSTRATION_COUNTY", "CHARACTERISTIC_INDUSTRY_BASE", "HIGH_TECH_ENTERPRISE",
            "IP_PILOT_COUNTY", "LIGHTING_DEMONSTRATION_UNIT", "LIGHTING_DEMONSTRATION_ZONE");
    private static final Set<String> ASSESSMENT_RESULTS = Set.of("FAILED", "PASSED", "ADVANCED");

    private EventFacts() {
    }

    /** The change an event makes, or null for a valid event that no report counts. */
    static FactChange changeFor(Object data, long seq) {
        Objects.requireNonNull(data, "event data");
        if (data instanceof PlatformRegistered e) {
            String county = county(e.county());
            return change(FactType.PLATFORM, id(e.platformId()), Platform.class, p -> p == null
                    ? new Platform(e.platformId(), county, e.name(), e.type(), Timeline.empty())
                    : new Platform(p.id(), county, e.name(), e.type(), p.accreditation()));
        }
        if (data instanceof PlatformAccredited e) {
            String county = county(e.county());
            Level level = level(e.level());
            LocalDate on = date(e.accreditedOn(), "accreditedOn");
            return change(FactType.PLATFORM, id(e.platformId()), Platform.class, p -> p == null
                    ? new Platform(e.platformId(), county, null, e.type(), Timeline.of(on, seq, level))
                    : new Platform(p.id(), county, p.name(), e.type(), p.accreditation().with(on, seq, level)));
        }
        if (data instanceof PlatformRevoked e) {
            String county = county(e.county());
            LocalDate on = date(e.revokedOn(), "revokedOn");
            return change(FactType.PLATFORM, id(e.platformId()), Platform.class, p -> p == null
                    ? new Platform(e.platformId(), county, null, null, Timeline.of(on, seq, null))
                    : new Platform(p.id(), p.county(), p.name(), p.type(), p.accreditation().with(on, seq, null)));
        }
        if (data instanceof DesignationGranted e) {
            String county = county(e.county());
            String kind = oneOf(e.kind(), DESIGNATION_KINDS, "kind");
            Level level = level(e.level());
            LocalDate on = date(e.grantedOn(), "grantedOn");
            return change(FactType.DESIGNATION, id(e.designationId()), Designation.class, d -> new Designation(
                    e.designationId(), county, kind, level, e.holderName(),
                    (d == null ? Timeline.<Boolean>empty() : d.active()).with(on, seq, true)));
        }
        if (data instanceof DesignationRevoked e) {
            String county = county(e.county());
            String kind = oneOf(e.kind(), DESIGNATION_KINDS, "kind");
            LocalDate on = date(e.revokedOn(), "revokedOn");
            return change(FactType.DESIGNATION, id(e.designationId()), Designation.class, d -> d == null
                    ? new Designation(e.designationId(), county, kind, null, null, Timeline.of(on, seq, false))
                    : new Designation(d.id(), d.county(), d.kind(), d.level(), d.holderName(), d.active().with(on, seq, false)));
        }
        if (data instanceof EnterpriseRegistered e) {
            String county = county(e.county());
            LocalDate on = date(e.registeredOn(), "registeredOn");
            return change(FactType.ENTERPRISE, id(e.enterpriseId()), Enterprise.class, x -> new Enterprise(
                    e.enterpriseId(), county, e.name(), on,
                    (x == null ? Timeline.<Boolean>empty() : x.larger()).with(on, seq, e.larger()),
                    x == null ? Timeline.empty() : x.rdInstitution()));
        }
        if (data instanceof EnterpriseReclassified e) {
            String county = county(e.county());
            LocalDate on = date(e.effectiveOn(), "effectiveOn");
            return change(FactType.ENTERPRISE, id(e.enterpriseId()), Enterprise.class, x -> x == null
                    ? new Enterprise(e.enterpriseId(), county, null, null, Timeline.of(on, seq, e.larger()), Timeline.empty())
                    : new Enterprise(x.id(), x.county(), x.name(), x.registeredOn(), x.larger().with(on, seq, e.larger()), x.rdInstitution()));
        }
        if (data instanceof EnterpriseRdInstitutionEstablished e) {
            return rdInstitution(e.enterpriseId(), county(e.county()), date(e.establishedOn(), "establishedOn"), seq, true);
        }
        if (data instanceof EnterpriseRdInstitutionClosed e) {
            return rdInstitution(e.enterpriseId(), county(e.county()), date(e.closedOn(), "closedOn"), seq, false);
        }
        if (data instanceof AssessmentRecorded e) {
            String county = county(e.county());
            String result = oneOf(e.result(), ASSESSMENT_RESULTS, "result");
            LocalDate on = date(e.effectiveOn(), "effectiveOn");
            return change(FactType.ASSESSMENT, id(e.assessmentId()), Assessment.class, a -> new Assessment(
                    e.assessmentId(), county, e.year(),
                    (a == null ? Timeline.<String>empty() : a.result()).with(on, seq, result)));
        }
        if (data instanceof CountyStatisticsFiled e) {
            String county = county(e.county());
            LocalDate on = date(e.filedOn(), "filedOn");
            StatisticsFiling filing = new StatisticsFiling(e.revision(), nonNegative(e.fiscalExpenditureFen()),
                    nonNegative(e.fiscalStExpenditureFen()), nonNegative(e.recurringRevenueFen()),
                    nonNegative(e.enterpriseRdFen()), nonNegative(e.societyRdFen()));
            return change(FactType.COUNTY_STATISTICS, id(e.statisticsId()), CountyStatistics.class, s -> new CountyStatistics(
                    e.statisticsId(), county, e.year(),
                    (s == null ? Timeline.<StatisticsFiling>empty() : s.filings()).with(on, seq, filing)));
        }
        if (data instanceof AchievementTransformationRecorded e) {
            return achievement(e.achievementId(), county(e.county()), e.title(), date(e.transformedOn(), "transformedOn"), seq, true);
        }
        if (data instanceof AchievementTransformationWithdrawn e) {
            return achievement(e.achievementId(), county(e.county()), null, date(e.withdrawnOn(), "withdrawnOn"), seq, false);
        }
        if (data instanceof IndustryRegistered e) {
            String county = county(e.county());
            date(e.registeredOn(), "registeredOn");
            return change(FactType.INDUSTRY, id(e.industryId()), Industry.class, i -> i == null
                    ? new Industry(e.industryId(), county, e.name(), Timeline.empty())
                    : new Industry(i.id(), county, e.name(), i.recognised()));
        }
        if (data instanceof IndustryRecognised e) {
            return industry(e.industryId(), county(e.county()), e.name(), date(e.recognisedOn(), "recognisedOn"), seq, true);
        }
        if (data instanceof IndustryRecognitionRevoked e) {
            return industry(e.industryId(), county(e.county()), null, date(e.revokedOn(), "revokedOn"), seq, false);
        }
        if (data instanceof ProjectSubmitted e) {
            String county = county(e.county());
            Level level = level(e.level());
            LocalDate on = date(e.submittedOn(), "submittedOn");
            return change(FactType.PROJECT, id(e.projectId()), Project.class, p -> new Project(e.projectId(), county,
                    e.programme(), level, on, p == null ? 0 : p.approvedFen(),
                    (p == null ? Timeline.<String>empty() : p.status()).with(on, seq, "SUBMITTED")));
        }
        if (data instanceof ProjectApproved e) {
            String county = county(e.county());
            Level level = level(e.level());
            LocalDate on = date(e.approvedOn(), "approvedOn");
            long fen = nonNegative(e.approvedFen());
            return change(FactType.PROJECT, id(e.projectId()), Project.class, p -> new Project(e.projectId(), county,
                    e.programme(), level, p == null ? null : p.submittedOn(), fen,
                    (p == null ? Timeline.<String>empty() : p.status()).with(on, seq, "APPROVED")));
        }
        if (data instanceof ProjectRejected e) {
            return projectStatus(e.projectId(), county(e.county()), date(e.rejectedOn(), "rejectedOn"), seq, "REJECTED");
        }
        if (data instanceof ProjectStarted e) {
            return projectStatus(e.projectId(), county(e.county()), date(e.startedOn(), "startedOn"), seq, "STARTED");
        }
        if (data instanceof ProjectAccepted e) {
            return projectStatus(e.projectId(), county(e.county()), date(e.acceptedOn(), "acceptedOn"), seq, "ACCEPTED");
        }
        if (data instanceof ProjectTerminated e) {
            return projectStatus(e.projectId(), county(e.county()), date(e.terminatedOn(), "terminatedOn"), seq, "TERMINATED");
        }
        if (data instanceof AllianceFormed e) {
            String county = county(e.county());
            LocalDate on = date(e.formedOn(), "formedOn");
            return change(FactType.ALLIANCE, id(e.allianceId()), Alliance.class, a -> new Alliance(e.allianceId(), county,
                    e.name(), on, Math.max(e.memberCount(), a == null ? 0 : a.members())));
        }
        if (data instanceof AllianceMemberJoined e) {
            String county = county(e.county());
            date(e.joinedOn(), "joinedOn");
            return change(FactType.ALLIANCE, id(e.allianceId()), Alliance.class, a -> a == null
                    ? new Alliance(e.allianceId(), county, null, null, 1)
                    : new Alliance(a.id(), a.county(), a.name(), a.formedOn(), a.members() + 1));
        }
        if (data instanceof FundsSecured e) {
            String county = cityOrCounty(e.county());
            Level level = level(e.level());
            LocalDate on = date(e.securedOn(), "securedOn");
            long fen = positive(e.amountFen());
            return change(FactType.SECURED_FUNDS, id(e.entryId()), SecuredFunds.class,
                    x -> new SecuredFunds(e.entryId(), county, level, e.programme(), fen, on));
        }
        if (data instanceof FundsReversed e) {
            String county = cityOrCounty(e.county());
            LocalDate on = date(e.reversedOn(), "reversedOn");
            long fen = positive(e.amountFen());
            return change(FactType.FUNDS_REVERSAL, id(e.entryId()), FundsReversal.class,
                    x -> new FundsReversal(e.entryId(), id(e.reversedEntryId()), county, fen, on));
        }
        if (data instanceof SpecialFundBudgetOpened e) {
            return budget(e.year(), e.budgetFen(), date(e.openedOn(), "openedOn"), seq);
        }
        if (data instanceof SpecialFundBudgetRevised e) {
            return budget(e.year(), e.budgetFen(), date(e.revisedOn(), "revisedOn"), seq);
        }
        if (data instanceof SpecialFundBudgetProposed || data instanceof SpecialFundBudgetProposalApproved
                || data instanceof SpecialFundBudgetProposalRejected) {
            // a proposal changes no figure; an approved one takes effect by the budget-opened or -revised that follows it
            return null;
        }
        if (data instanceof SpecialFundAllocated e) {
            String county = cityOrCounty(e.county());
            LocalDate on = date(e.allocatedOn(), "allocatedOn");
            long fen = positive(e.amountFen());
            return change(FactType.ALLOCATION, id(e.allocationId()), Allocation.class, x -> new Allocation(
                    e.allocationId(), e.year(), county, e.purpose(), e.beneficiaryName(), fen, on));
        }
        if (data instanceof SpecialFundAllocationRevoked e) {
            String county = cityOrCounty(e.county());
            LocalDate on = date(e.revokedOn(), "revokedOn");
            return change(FactType.ALLOCATION_REVOCATION, id(e.allocationId()), AllocationRevocation.class, x ->
                    new AllocationRevocation(e.allocationId(), e.year(), county, nonNegative(e.releasedFen()),
                            nonNegative(e.clawedBackFen()), on));
        }
        if (data instanceof SpecialFundDisbursed e) {
            String county = cityOrCounty(e.county());
            LocalDate on = date(e.disbursedOn(), "disbursedOn");
            long fen = positive(e.amountFen());
            return change(FactType.DISBURSEMENT, id(e.disbursementId()), Disbursement.class, x -> new Disbursement(
                    e.disbursementId(), id(e.allocationId()), e.year(), county, fen, on));
        }
        if (data instanceof MatchingFundsCommitted e) {
            String county = county(e.county());
            LocalDate on = date(e.committedOn(), "committedOn");
            long fen = positive(e.amountFen());
            return change(FactType.MATCHING_FUNDS, id(e.entryId()) + ":committed", MatchingFunds.class,
                    x -> new MatchingFunds(e.entryId() + ":committed", county, e.year(), false, fen, on));
        }
        if (data instanceof MatchingFundsPaid e) {
            String county = county(e.county());
            LocalDate on = date(e.paidOn(), "paidOn");
            long fen = positive(e.amountFen());
            return change(FactType.MATCHING_FUNDS, id(e.entryId()) + ":paid", MatchingFunds.class,
                    x -> new MatchingFunds(e.entryId() + ":paid", county, e.year(), true, fen, on));
        }
        return null;
    }

    private static FactChange rdInstitution(String enterpriseId, String county, LocalDate on, long seq, boolean open) {
        return change(FactType.ENTERPRISE, id(enterpriseId), Enterprise.class, x -> x == null
                ? new Enterprise(enterpriseId, county, null, null, Timeline.empty(), Timeline.of(on, seq, open))
                : new Enterprise(x.id(), x.county(), x.name(), x.registeredOn(), x.larger(), x.rdInstitution().with(on, seq, open)));
    }

    private static FactChange achievement(String id, String county, String title, LocalDate on, long seq, boolean active) {
        return change(FactType.ACHIEVEMENT, id(id), Achievement.class, a -> a == null
                ? new Achievement(id, county, title, Timeline.of(on, seq, active))
                : new Achievement(id, a.county(), title == null ? a.title() : title, a.active().with(on, seq, active)));
    }

    private static FactChange industry(String id, String county, String name, LocalDate on, long seq, boolean recognised) {
        return change(FactType.INDUSTRY, id(id), Industry.class, i -> i == null
                ? new Industry(id, county, name, Timeline.of(on, seq, recognised))
                : new Industry(id, i.county(), name == null ? i.name() : name, i.recognised().with(on, seq, recognised)));
    }

    private static FactChange projectStatus(String id, String county, LocalDate on, long seq, String status) {
        return change(FactType.PROJECT, id(id), Project.class, p -> p == null
                ? new Project(id, county, null, null, null, 0, Timeline.of(on, seq, status))
                : new Project(id, p.county(), p.programme(), p.level(), p.submittedOn(), p.approvedFen(),
                p.status().with(on, seq, status)));
    }

    private static FactChange budget(int year, long budgetFen, LocalDate on, long seq) {
        String id = "special-fund-" + year;
        long fen = nonNegative(budgetFen);
        return change(FactType.SPECIAL_FUND_BUDGET, id, SpecialFundBudget.class, b -> new SpecialFundBudget(id, year,
                (b == null ? Timeline.<Long>empty() : b.budgetFen()).with(on, seq, fen)));
    }

    @SuppressWarnings("unchecked")
    private static <T> FactChange change(FactType type, String id, Class<T> record, Function<T, T> update) {
        return new FactChange(type, id, old -> update.apply((T) old));
    }

    private static String id(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an id is missing");
        }
        return id;
    }

    private static String county(String code) {
        if (!County.isCountyCode(code)) {
            throw new IllegalArgumentException("county '" + code + "' is not one of the 11 county codes");
        }
        return code;
    }

    private static String cityOrCounty(String code) {
        return County.CITY_CODE.equals(code) ? code : county(code);
    }

    private static Level level(String level) {
        if (level == null) {
            throw new IllegalArgumentException("level is missing");
        }
        return Level.valueOf(level);
    }

    private static String oneOf(String value, Set<String> allowed, String field) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(field + " '" + value + "' is not one of " + allowed);
        }
        return value;
    }

    private static LocalDate date(String iso, String field) {
        if (iso == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return LocalDate.parse(iso);
    }

    private static long positive(long fen) {
        if (fen <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + fen);
        }
        return fen;
    }

    private static long nonNegative(long fen) {
        if (fen < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + fen);
        }
        return fen;
    }
}
