package cn.chenzhou.plan.sdk.demo;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.sdk.Level;
import cn.chenzhou.plan.sdk.SdkJson;
import cn.chenzhou.plan.sdk.funding.SpecialFund.Beneficiary;
import cn.chenzhou.plan.sdk.funding.SpecialFund.Purpose;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.Applicant;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.Contact;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.ExpertScore;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.Period;
import cn.chenzhou.plan.sdk.registry.Assessment;
import cn.chenzhou.plan.sdk.registry.Designation;
import cn.chenzhou.plan.sdk.registry.Enterprise.RdInstitutionKind;
import cn.chenzhou.plan.sdk.registry.Organisation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo plan: eleven counties living through 2012–2014 (resource {@value #RESOURCE}). Pure data — what happened,
 * to whom, on which date — which {@link DemoLoader} replays through the gateway, each command by the principal
 * entitled to it. Items that refer to each other do so by {@code ref}, never by platform id (ids are the platform's).
 */
public record DemoDataset(String name, String keyPrefix, String note, LocalDate periodStart, LocalDate periodEnd,
                          List<DemoProject> projects, List<DemoAchievement> achievements, List<DemoIndustry> industries,
                          List<DemoPlatform> platforms, List<DemoDesignation> designations, List<DemoAlliance> alliances,
                          List<DemoAllianceJoin> allianceJoins, List<DemoEnterprise> enterprises,
                          List<DemoAssessment> assessments, DemoSpecialFund specialFund,
                          List<DemoSecuredFunds> securedFunds, List<DemoMatchingFunds> matchingFunds,
                          List<DemoStatistics> countyStatistics) {

    public static final String RESOURCE = "demo/chenzhou-demo-dataset.json";

    public DemoDataset {
        projects = orEmpty(projects);
        achievements = orEmpty(achievements);
        industries = orEmpty(industries);
        platforms = orEmpty(platforms);
        designations = orEmpty(designations);
        alliances = orEmpty(alliances);
        allianceJoins = orEmpty(allianceJoins);
        enterprises = orEmpty(enterprises);
        assessments = orEmpty(assessments);
        securedFunds = orEmpty(securedFunds);
        matchingFunds = orEmpty(matchingFunds);
        countyStatistics = orEmpty(countyStatistics);
    }

    /** The dataset that ships with the SDK. */
    public static DemoDataset builtIn() {
        try (InputStream in = DemoDataset.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE, e);
        }
    }

    /** A dataset of this shape, read strictly: a misspelt field is an error, not a silent null. */
    public static DemoDataset read(InputStream in) {
        return SdkJson.strictMapper().readValue(in, DemoDataset.class);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    // ---- projects ----

    /**
     * A project and its life after the draft, step by step. {@code step} is the project-service step:
     * submit, revise, formal-review (outcome PASSED or RETURNED), expert-review, approve, reject, start,
     * midterm-check, accept, terminate.
     */
    public record DemoProject(String ref, String county, String title, String programme, Level level,
                              Applicant applicant, Money requestedAmount, Period period, Contact contact,
                              LocalDate draftedOn, List<Step> life) {
        public DemoProject {
            life = orEmpty(life);
        }
    }

    /** One step of a project's life; only the fields the step needs are set. */
    public record Step(String step, LocalDate on, String outcome, String reason, List<ExpertScore> reviews,
                       Money approvedAmount, String taskContractNo, String result, String opinion, String conclusion,
                       Money requestedAmount) {
    }

    /** @param projectRef the approved project it came from, or null */
    public record DemoAchievement(String ref, String county, String title, String projectRef, Organisation enterprise,
                                  LocalDate transformedOn, Money outputValue, String resultSummary, Dated withdrawal) {
    }

    public record DemoIndustry(String ref, String county, String name, String description, LocalDate registeredOn,
                               Drivers drivers, Document recognition) {
    }

    public record Drivers(List<String> projects, List<String> achievements, LocalDate on) {
        public Drivers {
            projects = orEmpty(projects);
            achievements = orEmpty(achievements);
        }
    }

    /** A document (number) and its effective date. */
    public record Document(String documentNo, LocalDate on) {
    }

    /** A reason and its effective date. */
    public record Dated(String reason, LocalDate on) {
    }

    // ---- registry ----

    public record DemoPlatform(String ref, String county, String name, String type, Level level, Organisation host,
                               LocalDate registeredOn, Accreditation accreditation, Dated revocation) {
    }

    public record Accreditation(Level level, String body, String documentNo, LocalDate on) {
    }

    public record DemoDesignation(String ref, String county, Designation.Kind kind, Level level, Organisation holder,
                                  LocalDate appliedOn, Document grant, Dated revocation) {
    }

    public record Member(Organisation organisation, String county) {
    }

    public record Joining(Organisation organisation, String county, LocalDate on) {
    }

    public record DemoAlliance(String ref, String county, String name, String field, LocalDate formedOn,
                               List<Member> members, List<Joining> joins) {
        public DemoAlliance {
            members = orEmpty(members);
            joins = orEmpty(joins);
        }
    }

    /** Organisations joining an alliance the registry's own demo dataset formed ({@code alliance} is its fixed id). */
    public record DemoAllianceJoin(String alliance, List<Joining> joins) {
        public DemoAllianceJoin {
            joins = orEmpty(joins);
        }
    }

    public record RdInstitution(String name, RdInstitutionKind kind, LocalDate on) {
    }

    public record Reclassification(boolean larger, LocalDate on) {
    }

    /** An enterprise's life: registered, possibly reclassified, its R&D institution established and possibly closed. */
    public record DemoEnterprise(String county, String name, String creditCode, boolean larger, LocalDate registeredOn,
                                 Reclassification reclassification, RdInstitution rdInstitution, Dated closure) {
    }

    public record Correction(Assessment.Result result, String documentNo, LocalDate on, String reason) {
    }

    public record DemoAssessment(String county, int year, Assessment.Result result, String documentNo,
                                 LocalDate effectiveOn, Correction correction) {
    }

    // ---- funding ----

    public record DemoSpecialFund(List<Year> years, List<BudgetChange> budgetRevisions, List<DemoAllocation> allocations) {
        public DemoSpecialFund {
            years = orEmpty(years);
            budgetRevisions = orEmpty(budgetRevisions);
            allocations = orEmpty(allocations);
        }
    }

    /** A year of the special fund as the plan sets it; opened by finance if the platform has not opened it. */
    public record Year(int year, Money budget, LocalDate openedOn) {
    }

    public record BudgetChange(int year, Money budget, LocalDate on, String reason) {
    }

    public record Payment(Money amount, LocalDate on, String voucherNo) {
    }

    public record DemoAllocation(String ref, int year, Purpose purpose, Beneficiary beneficiary, String county,
                                 String projectRef, Money amount, String approvalDocument, LocalDate allocatedOn,
                                 List<Payment> disbursements, Dated revocation) {
        public DemoAllocation {
            disbursements = orEmpty(disbursements);
        }
    }

    public record Reversal(Money amount, LocalDate on, String reason) {
    }

    public record DemoSecuredFunds(String ref, String county, Level level, String programme, String projectRef,
                                   Money amount, LocalDate securedOn, String documentNo, Reversal reversal) {
    }

    public record Commitment(Money amount, LocalDate on, String documentNo) {
    }

    public record DemoMatchingFunds(String county, int year, List<Commitment> commitments, List<Payment> payments) {
        public DemoMatchingFunds {
            commitments = orEmpty(commitments);
            payments = orEmpty(payments);
        }
    }

    public record Figures(Money fiscalExpenditure, Money fiscalStExpenditure, Money recurringRevenue, Money enterpriseRd,
                          Money societyRd) {
    }

    /** A county-year's figures as first filed, and a later correction if any. */
    public record DemoStatistics(String county, int year, LocalDate filedOn, Figures figures, StatisticsCorrection correction) {
    }

    public record StatisticsCorrection(LocalDate filedOn, String reason, Figures figures) {
    }
}
