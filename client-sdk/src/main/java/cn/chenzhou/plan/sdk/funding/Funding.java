package cn.chenzhou.plan.sdk.funding;

import cn.chenzhou.plan.sdk.Level;
import cn.chenzhou.plan.sdk.Page;
import cn.chenzhou.plan.sdk.PlatformClient;
import cn.chenzhou.plan.sdk.Query;
import cn.chenzhou.plan.sdk.SdkJson;
import cn.chenzhou.plan.sdk.funding.SpecialFund.Allocate;
import cn.chenzhou.plan.sdk.funding.SpecialFund.Allocation;
import cn.chenzhou.plan.sdk.funding.SpecialFund.BudgetProposal;
import cn.chenzhou.plan.sdk.funding.SpecialFund.BudgetRevision;
import cn.chenzhou.plan.sdk.funding.SpecialFund.Disburse;
import cn.chenzhou.plan.sdk.funding.SpecialFund.Disbursement;
import cn.chenzhou.plan.sdk.funding.SpecialFund.Ledger;
import cn.chenzhou.plan.sdk.funding.SpecialFund.OpenFund;
import cn.chenzhou.plan.sdk.funding.SpecialFund.Purpose;
import cn.chenzhou.plan.sdk.funding.SpecialFund.ReviseBudget;
import cn.chenzhou.plan.sdk.funding.SpecialFund.RevokeAllocation;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * funding-service through the gateway ({@code /api/funding}): the special fund's yearly budgets, allocations,
 * disbursements, revocations and ledger (F2); secured national and provincial funds (F1); county matching funds;
 * county statistics (T9, T10, F3). Only finance moves money; a county portal files its own county's figures and
 * commitments.
 *
 * <p>Every command has a form taking the caller's own {@code idempotencyKey} (null: a fresh one); money moves once
 * per key, whatever the number of attempts.
 */
public final class Funding {
    private static final String BASE = "/api/funding";
    private static final String PROPOSALS = BASE + "/special-fund/budget-proposals";
    private final PlatformClient platform;

    public Funding(PlatformClient platform) {
        this.platform = platform;
    }

    // ---- special fund (F2) ----

    public List<SpecialFund> specialFunds() {
        return platform.getList(BASE + "/special-fund", SpecialFund.class);
    }

    public SpecialFund specialFund(int year) {
        return platform.get(BASE + "/special-fund/" + year, SpecialFund.class);
    }

    public SpecialFund openSpecialFund(OpenFund request) {
        return openSpecialFund(request, null);
    }

    /**
     * Opens a year. A budget above the plan's yearly figure does not open it: the platform records a proposal for the
     * plan office, and this throws {@link SpecialFund.ProposalRecorded} carrying it.
     */
    public SpecialFund openSpecialFund(OpenFund request, String idempotencyKey) {
        return inForceOr(platform.post(BASE + "/special-fund", request, idempotencyKey), SpecialFund.class);
    }

    public List<BudgetRevision> budgetRevisions(int year) {
        return platform.getList(BASE + "/special-fund/" + year + "/budget-revisions", BudgetRevision.class);
    }

    public BudgetRevision reviseBudget(int year, ReviseBudget request) {
        return reviseBudget(year, request, null);
    }

    /**
     * Revises a year's budget. A budget above the plan's yearly figure does not take effect: the platform records a
     * proposal for the plan office, and this throws {@link SpecialFund.ProposalRecorded} carrying it.
     */
    public BudgetRevision reviseBudget(int year, ReviseBudget request, String idempotencyKey) {
        return inForceOr(platform.post(BASE + "/special-fund/" + year + "/budget-revisions", request, idempotencyKey),
                BudgetRevision.class);
    }

    /** Budget proposals, newest first; {@code year} and {@code status} (PENDING, APPROVED, REJECTED) may be null. */
    public Page<BudgetProposal> budgetProposals(Integer year, String status, int page, int size) {
        return platform.getPage(Query.of().with("year", year).with("status", status).page(page, size)
                .on(PROPOSALS), BudgetProposal.class);
    }

    public BudgetProposal budgetProposal(String proposalId) {
        return platform.get(PROPOSALS + "/" + proposalId, BudgetProposal.class);
    }

    /** The plan office approves: the proposed budget takes effect. Not by the principal who proposed it. */
    public BudgetProposal approveBudgetProposal(String proposalId, String note, String idempotencyKey) {
        return platform.post(PROPOSALS + "/" + proposalId + "/approval", new SpecialFund.Approve(note), idempotencyKey,
                BudgetProposal.class);
    }

    /** The plan office rejects: the budget stays as it was. */
    public BudgetProposal rejectBudgetProposal(String proposalId, String reason, String idempotencyKey) {
        return platform.post(PROPOSALS + "/" + proposalId + "/rejection", new SpecialFund.Reject(reason), idempotencyKey,
                BudgetProposal.class);
    }

    /** The answer of a budget command: what took effect, or — a proposal's answer has a status — the proposal, thrown. */
    private <T> T inForceOr(JsonNode answer, Class<T> type) {
        if (answer.has("status") && answer.has("kind")) {
            throw new SpecialFund.ProposalRecorded(SdkJson.mapper().treeToValue(answer, BudgetProposal.class));
        }
        return SdkJson.mapper().treeToValue(answer, type);
    }

    public Allocation allocate(int year, Allocate request) {
        return allocate(year, request, null);
    }

    public Allocation allocate(int year, Allocate request, String idempotencyKey) {
        return platform.post(allocations(year), request, idempotencyKey, Allocation.class);
    }

    public Allocation allocation(int year, String allocationId) {
        return platform.get(allocations(year) + "/" + allocationId, Allocation.class);
    }

    /** A county portal sees its own county's allocations only. */
    public Page<Allocation> allocations(int year, String county, Purpose purpose, int page, int size) {
        return platform.getPage(Query.of().with("county", county).with("purpose", purpose).page(page, size)
                .on(allocations(year)), Allocation.class);
    }

    public Disbursement disburse(int year, String allocationId, Disburse request) {
        return disburse(year, allocationId, request, null);
    }

    public Disbursement disburse(int year, String allocationId, Disburse request, String idempotencyKey) {
        return platform.post(allocations(year) + "/" + allocationId + "/disbursements", request, idempotencyKey,
                Disbursement.class);
    }

    public Allocation revokeAllocation(int year, String allocationId, RevokeAllocation request) {
        return revokeAllocation(year, allocationId, request, null);
    }

    public Allocation revokeAllocation(int year, String allocationId, RevokeAllocation request, String idempotencyKey) {
        return platform.post(allocations(year) + "/" + allocationId + "/revocation", request, idempotencyKey, Allocation.class);
    }

    /** Finance, plan office and viewers. */
    public Ledger ledger(int year) {
        return platform.get(BASE + "/special-fund/" + year + "/ledger", Ledger.class);
    }

    /** The ledger as the Excel workbook the finance section works in. */
    public byte[] ledgerXlsx(int year) {
        return platform.download(BASE + "/special-fund/" + year + "/ledger.xlsx");
    }

    /** The ledger as CSV (UTF-8). */
    public byte[] ledgerCsv(int year) {
        return platform.download(BASE + "/special-fund/" + year + "/ledger.csv");
    }

    // ---- secured funds (F1) ----

    public SecuredFunds secureFunds(SecuredFunds.Secure request) {
        return secureFunds(request, null);
    }

    public SecuredFunds secureFunds(SecuredFunds.Secure request, String idempotencyKey) {
        return platform.post(BASE + "/secured-funds", request, idempotencyKey, SecuredFunds.class);
    }

    public SecuredFunds.Reversal reverseSecuredFunds(String entryId, SecuredFunds.Reverse request) {
        return reverseSecuredFunds(entryId, request, null);
    }

    public SecuredFunds.Reversal reverseSecuredFunds(String entryId, SecuredFunds.Reverse request, String idempotencyKey) {
        return platform.post(BASE + "/secured-funds/" + entryId + "/reversals", request, idempotencyKey,
                SecuredFunds.Reversal.class);
    }

    public SecuredFunds securedFundsEntry(String entryId) {
        return platform.get(BASE + "/secured-funds/" + entryId, SecuredFunds.class);
    }

    public Page<SecuredFunds> securedFunds(String county, Level level, Integer year, int page, int size) {
        return platform.getPage(Query.of().with("county", county).with("level", level).with("year", year)
                .page(page, size).on(BASE + "/secured-funds"), SecuredFunds.class);
    }

    /** @param asOf null for today */
    public SecuredFunds.Progress securedFundsProgress(LocalDate asOf) {
        return platform.get(Query.of().with("asOf", asOf).on(BASE + "/secured-funds/progress"), SecuredFunds.Progress.class);
    }

    // ---- matching funds ----

    public MatchingFunds.Entry commitMatchingFunds(MatchingFunds.Commit request) {
        return commitMatchingFunds(request, null);
    }

    public MatchingFunds.Entry commitMatchingFunds(MatchingFunds.Commit request, String idempotencyKey) {
        return platform.post(BASE + "/matching-funds/commitments", request, idempotencyKey, MatchingFunds.Entry.class);
    }

    public MatchingFunds.Entry payMatchingFunds(MatchingFunds.Pay request) {
        return payMatchingFunds(request, null);
    }

    public MatchingFunds.Entry payMatchingFunds(MatchingFunds.Pay request, String idempotencyKey) {
        return platform.post(BASE + "/matching-funds/payments", request, idempotencyKey, MatchingFunds.Entry.class);
    }

    public MatchingFunds matchingFunds(String county, int year) {
        return platform.get(BASE + "/matching-funds/" + county + "/" + year, MatchingFunds.class);
    }

    public Page<MatchingFunds> matchingFunds(String county, Integer year, int page, int size) {
        return platform.getPage(Query.of().with("county", county).with("year", year).page(page, size)
                .on(BASE + "/matching-funds"), MatchingFunds.class);
    }

    // ---- county statistics (T9, T10, F3) ----

    public CountyStatistics.Revision fileCountyStatistics(CountyStatistics.File request) {
        return fileCountyStatistics(request, null);
    }

    public CountyStatistics.Revision fileCountyStatistics(CountyStatistics.File request, String idempotencyKey) {
        return platform.post(BASE + "/county-statistics", request, idempotencyKey, CountyStatistics.Revision.class);
    }

    public CountyStatistics.Revision reviseCountyStatistics(String county, int year, CountyStatistics.Revise request) {
        return reviseCountyStatistics(county, year, request, null);
    }

    public CountyStatistics.Revision reviseCountyStatistics(String county, int year, CountyStatistics.Revise request,
                                                            String idempotencyKey) {
        return platform.post(BASE + "/county-statistics/" + county + "/" + year + "/revisions", request, idempotencyKey,
                CountyStatistics.Revision.class);
    }

    public CountyStatistics countyStatistics(String county, int year) {
        return platform.get(BASE + "/county-statistics/" + county + "/" + year, CountyStatistics.class);
    }

    /** The current revision of each county-year. */
    public Page<CountyStatistics.Revision> countyStatistics(String county, Integer year, int page, int size) {
        return platform.getPage(Query.of().with("county", county).with("year", year).page(page, size)
                .on(BASE + "/county-statistics"), CountyStatistics.Revision.class);
    }

    private static String allocations(int year) {
        return BASE + "/special-fund/" + year + "/allocations";
    }
}
