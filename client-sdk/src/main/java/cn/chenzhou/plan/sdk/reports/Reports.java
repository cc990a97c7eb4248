package cn.chenzhou.plan.sdk.reports;

import cn.chenzhou.plan.sdk.Page;
import cn.chenzhou.plan.sdk.PlatformClient;
import cn.chenzhou.plan.sdk.Query;
import cn.chenzhou.plan.sdk.reports.ReportViews.AggregateSequence;
import cn.chenzhou.plan.sdk.reports.ReportViews.Alert;
import cn.chenzhou.plan.sdk.reports.ReportViews.Assessment;
import cn.chenzhou.plan.sdk.reports.ReportViews.CountyProjects;
import cn.chenzhou.plan.sdk.reports.ReportViews.FundingProgress;
import cn.chenzhou.plan.sdk.reports.ReportViews.Indicator;
import cn.chenzhou.plan.sdk.reports.ReportViews.IndicatorSeries;
import cn.chenzhou.plan.sdk.reports.ReportViews.PlanSummary;
import cn.chenzhou.plan.sdk.reports.ReportViews.ReadModelStatus;
import cn.chenzhou.plan.sdk.reports.ReportViews.Rebuild;
import cn.chenzhou.plan.sdk.reports.ReportViews.TargetSeries;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * reporting-service through the gateway ({@code /api/reports}): the scorecard of every target as of any date, city
 * and county; time series; funding progress; the county assessment; alerts; plans as data; exports. Read models are
 * built from events, so a change shows here a moment after the command that made it.
 */
public final class Reports {
    private static final String BASE = "/api/reports";
    private final PlatformClient platform;

    public Reports(PlatformClient platform) {
        this.platform = platform;
    }

    /** @param asOf null for today */
    public Scorecard scorecard(LocalDate asOf) {
        return platform.get(Query.of().with("asOf", asOf).on(BASE + "/scorecard"), Scorecard.class);
    }

    /** One county's line of every target; a county portal may read its own county only. */
    public Scorecard.County countyScorecard(String county, LocalDate asOf) {
        return platform.get(Query.of().with("asOf", asOf).on(BASE + "/scorecard/counties/" + county), Scorecard.County.class);
    }

    /** @param scope 431000 for the city (default) or a county code; {@code from}/{@code to} may be null */
    public TargetSeries targetSeries(String targetId, String scope, LocalDate from, LocalDate to) {
        return platform.get(Query.of().with("scope", scope).with("from", from).with("to", to)
                .on(BASE + "/targets/" + targetId + "/series"), TargetSeries.class);
    }

    public List<Indicator> indicators() {
        return platform.getList(BASE + "/indicators", Indicator.class);
    }

    public IndicatorSeries indicatorSeries(String code, String scope, LocalDate from, LocalDate to) {
        return platform.get(Query.of().with("scope", scope).with("from", from).with("to", to)
                .on(BASE + "/indicators/" + code + "/series"), IndicatorSeries.class);
    }

    public FundingProgress funding(LocalDate asOf) {
        return platform.get(Query.of().with("asOf", asOf).on(BASE + "/funding"), FundingProgress.class);
    }

    /** The counties ranked; a county portal sees its own line only. */
    public Assessment assessment(LocalDate asOf) {
        return platform.get(Query.of().with("asOf", asOf).on(BASE + "/assessment"), Assessment.class);
    }

    /** @param scope a county code, 431000 for the city, or null for every scope the reader may see */
    public Page<Alert> alerts(String scope, int page, int size) {
        return platform.getPage(Query.of().with("scope", scope).page(page, size).on(BASE + "/alerts"), Alert.class);
    }

    public CountyProjects countyProjects(String county) {
        return platform.get(BASE + "/counties/" + county + "/projects", CountyProjects.class);
    }

    /** Plan office, finance and viewers. */
    public List<CountyProjects> projectsByCounty() {
        return platform.getList(BASE + "/projects/by-county", CountyProjects.class);
    }

    // ---- plans as data ----

    public List<PlanSummary> plans() {
        return platform.getList(BASE + "/plans", PlanSummary.class);
    }

    /** The plan in force, as the JSON document it was loaded from. */
    public JsonNode activePlan() {
        return platform.get(BASE + "/plans/active");
    }

    public JsonNode plan(String planId) {
        return platform.get(BASE + "/plans/" + planId);
    }

    /** Plan office: load (or replace) a plan document; {@code activate} puts it in force at once. */
    public PlanSummary loadPlan(String planId, JsonNode plan, boolean activate) {
        return loadPlan(planId, plan, activate, null);
    }

    public PlanSummary loadPlan(String planId, JsonNode plan, boolean activate, String idempotencyKey) {
        return platform.put(Query.of().with("activate", activate).on(BASE + "/plans/" + planId), plan, idempotencyKey,
                PlanSummary.class);
    }

    public PlanSummary activatePlan(String planId) {
        return activatePlan(planId, null);
    }

    public PlanSummary activatePlan(String planId, String idempotencyKey) {
        return platform.post(BASE + "/plans/" + planId + "/activation", null, idempotencyKey, PlanSummary.class);
    }

    // ---- the read model (operations) ----

    public ReadModelStatus readModel() {
        return platform.get(BASE + "/read-model", ReadModelStatus.class);
    }

    /** Plan office: rebuild the read model from every topic's beginning; follow it with {@link #rebuildProgress()}. */
    public Rebuild rebuildReadModel() {
        return rebuildReadModel(null);
    }

    public Rebuild rebuildReadModel(String idempotencyKey) {
        return platform.post(BASE + "/read-model/rebuild", null, idempotencyKey, Rebuild.class);
    }

    public Rebuild rebuildProgress() {
        return platform.get(BASE + "/read-model/rebuild", Rebuild.class);
    }

    /** How fresh the read model is for one aggregate: the sequence of its last event applied. */
    public AggregateSequence appliedSequence(String topic, String aggregateId) {
        return platform.get(BASE + "/read-model/aggregates/" + topic + "/" + aggregateId, AggregateSequence.class);
    }

    // ---- exports ----

    public byte[] scorecardXlsx(LocalDate asOf) {
        return platform.download(Query.of().with("asOf", asOf).on(BASE + "/exports/scorecard.xlsx"));
    }

    public byte[] scorecardCsv(LocalDate asOf) {
        return platform.download(Query.of().with("asOf", asOf).on(BASE + "/exports/scorecard.csv"));
    }

    public byte[] assessmentXlsx(LocalDate asOf) {
        return platform.download(Query.of().with("asOf", asOf).on(BASE + "/exports/assessment.xlsx"));
    }

    public byte[] assessmentCsv(LocalDate asOf) {
        return platform.download(Query.of().with("asOf", asOf).on(BASE + "/exports/assessment.csv"));
    }
}
