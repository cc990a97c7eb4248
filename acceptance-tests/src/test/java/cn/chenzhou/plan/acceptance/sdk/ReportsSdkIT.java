package cn.chenzhou.plan.acceptance.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.chenzhou.plan.acceptance.RunningPlatform;
import cn.chenzhou.plan.sdk.PlatformApiException;
import cn.chenzhou.plan.sdk.PlatformClient;
import cn.chenzhou.plan.sdk.reports.ReportViews;
import cn.chenzhou.plan.sdk.reports.Reports;
import cn.chenzhou.plan.sdk.reports.Scorecard;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every operation of reporting-service through the SDK, on the shared platform where the demo plan lives. */
class ReportsSdkIT {
    private static final LocalDate END = LocalDate.of(2014, 12, 31);
    private static PlatformClient viewer;
    private static PlatformClient office;
    private static PlatformClient county;

    @BeforeAll
    static void connect() throws Exception {
        RunningPlatform platform = RunningPlatform.shared();
        viewer = SdkClients.as(platform, "viewer");
        office = SdkClients.as(platform, "plan-office");
        county = SdkClients.as(platform, "county-431023");
    }

    @AfterAll
    static void close() {
        viewer.close();
        office.close();
        county.close();
    }

    @Test
    void theScorecardCityWideAndPerCountyWithTheTimeSeriesBehindIt() {
        Reports reports = viewer.reports();
        Scorecard s = reports.scorecard(END);
        assertThat(s.asOf()).isEqualTo(END);
        assertThat(s.targets()).extracting(Scorecard.Target::id).contains("T1", "T9", "T12", "F1", "F2", "F3");
        Scorecard.County yongxing = county.reports().countyScorecard("431023", END);
        assertThat(yongxing.name()).isEqualTo("永兴县");
        assertThat(yongxing.targets()).hasSameSizeAs(s.targets());
        assertThatThrownBy(() -> county.reports().countyScorecard("431081", END)).isInstanceOf(PlatformApiException.NotFound.class);
        // a county portal sees the city-wide lines and its own county's, no other county's
        assertThat(county.reports().scorecard(END).targets()).allSatisfy(t ->
                assertThat(t.counties()).extracting(Scorecard.CountyLine::county).containsOnly("431023"));

        ReportViews.TargetSeries t12 = reports.targetSeries("T12", null, LocalDate.of(2012, 1, 1), END);
        assertThat(t12.points()).hasSizeGreaterThanOrEqualTo(36);
        assertThat(t12.points().get(t12.points().size() - 1).number()).isPositive();
        assertThat(reports.targetSeries("T9", "431023", null, END).scope()).isEqualTo("431023");
        ReportViews.Indicator first = reports.indicators().get(0);
        assertThat(reports.indicatorSeries(first.code(), null, LocalDate.of(2014, 1, 1), END).points()).isNotEmpty();
    }

    @Test
    void fundingProgressTheCountyAssessmentAlertsAndTheProjectCounts() {
        Reports reports = viewer.reports();
        ReportViews.FundingProgress funding = reports.funding(END);
        assertThat(funding.secured().net().fen()).isGreaterThan(13_000_000_000L);
        assertThat(funding.specialFund()).extracting(ReportViews.SpecialFundYear::year).contains(2012, 2013, 2014);
        assertThat(funding.specialFund()).noneMatch(ReportViews.SpecialFundYear::overspent);

        ReportViews.Assessment assessment = reports.assessment(END);
        assertThat(assessment.counties()).hasSize(11);
        assertThat(assessment.counties().get(0).rank()).isEqualTo(1);
        assertThat(county.reports().assessment(END).counties()).extracting(ReportViews.CountyRank::county).containsExactly("431023");

        assertThat(reports.alerts(null, 0, 20).page()).isZero();
        assertThat(county.reports().alerts("431023", 0, 20).items()).allSatisfy(a -> assertThat(a.scope()).isEqualTo("431023"));
        assertThat(reports.projectsByCounty()).hasSize(11).allSatisfy(c -> assertThat(c.submitted()).isPositive());
        assertThat(county.reports().countyProjects("431023").submitted()).isPositive();
    }

    @Test
    void exportsAreWorkbooksAndCsvFilesOfTheScorecardAndTheAssessment() throws Exception {
        Reports reports = viewer.reports();
        try (var book = WorkbookFactory.create(new ByteArrayInputStream(reports.scorecardXlsx(END)))) {
            assertThat(book.getSheetAt(0).getPhysicalNumberOfRows()).isGreaterThan(20);
        }
        try (var book = WorkbookFactory.create(new ByteArrayInputStream(reports.assessmentXlsx(END)))) {
            assertThat(book.getSheetAt(0).getPhysicalNumberOfRows()).isGreaterThanOrEqualTo(12);
        }
        assertThat(new String(reports.scorecardCsv(END), StandardCharsets.UTF_8)).contains("T12").contains("永兴县");
        assertThat(new String(reports.assessmentCsv(END), StandardCharsets.UTF_8)).contains("资兴市");
    }

    @Test
    void plansAreDataAndTheReadModelCanBeRebuiltFromTheTopics() {
        Reports reports = office.reports();
        ReportViews.PlanSummary active = reports.plans().stream().filter(ReportViews.PlanSummary::active).findFirst().orElseThrow();
        JsonNode plan = reports.activePlan();
        assertThat(reports.plan(active.id()).get("id").asString()).isEqualTo(active.id());
        // a copy of the plan in force, loaded without putting it in force; then the plan in force confirmed
        String copyId = active.id() + "-copy-" + SdkClients.unique();
        ObjectNode copy = (ObjectNode) plan.deepCopy();
        copy.put("id", copyId);
        assertThat(reports.loadPlan(copyId, copy, false).active()).isFalse();
        assertThat(reports.activatePlan(active.id()).active()).isTrue();

        ReportViews.ReadModelStatus status = viewer.reports().readModel();
        assertThat(status.state()).isIn("LIVE", "CATCHING_UP", "REBUILDING");
        assertThat(viewer.reports().appliedSequence("registry.events", "asm-431023-2014").sequence()).isPositive();
        ReportViews.Rebuild rebuild = reports.rebuildReadModel();
        assertThat(rebuild.state()).isIn("NONE", "RUNNING", "DONE");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> "DONE".equals(viewer.reports().rebuildProgress().state()));
        assertThat(viewer.reports().scorecard(END).targets()).isNotEmpty();
    }
}
