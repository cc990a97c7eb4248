package cn.chenzhou.plan.funding.specialfund;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.security.Allowed;
import cn.chenzhou.plan.chassis.security.Role;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.PageParameters;
import cn.chenzhou.plan.chassis.web.PageView;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.Answers;
import cn.chenzhou.plan.funding.command.BusinessCalendar;
import cn.chenzhou.plan.funding.command.IdempotencyKeys;
import cn.chenzhou.plan.funding.command.Text;
import cn.chenzhou.plan.funding.command.model.Outcome;
import cn.chenzhou.plan.funding.specialfund.model.BudgetProposal;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFund;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Budgets above the plan's yearly figure, proposed by the finance section (an opening or a revision answered 202 by
 * {@link SpecialFundController}) and decided by the plan office: approved, the budget takes effect with the date
 * proposed; rejected, it stays as it was. Whoever proposed a budget does not decide it. Everyone may read them: the
 * special fund is the city's.
 */
@RestController
@RequestMapping("/api/funding/special-fund/budget-proposals")
class BudgetProposalController {
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("bp-(\\d{4})-[0-9a-f-]{36}");

    private final SpecialFundStore store;
    private final BusinessCalendar calendar;

    BudgetProposalController(SpecialFundStore store, BusinessCalendar calendar) {
        this.store = store;
        this.calendar = calendar;
    }

    record ApproveRequest(@Size(max = 500) String note) {
    }

    record RejectRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** A proposal and, once decided, who decided it and how; {@code note} is the approval's note or the rejection's reason. */
    record ProposalView(String id, int year, BudgetProposal.Kind kind, BudgetProposal.Status status, Money budget,
                        Money planFigure, LocalDate effectiveOn, String reason, Instant proposedAt, String proposedBy,
                        Instant decidedAt, String decidedBy, String note) {
        static ProposalView of(int year, BudgetProposal p) {
            BudgetProposal.Decision d = p.decision();
            return new ProposalView(p.id(), year, p.kind(), p.status(), p.budget(), p.planFigure(), p.effectiveOn(),
                    p.reason(), p.proposed().at(), p.proposed().by(), d == null ? null : d.recorded().at(),
                    d == null ? null : d.recorded().by(), d == null ? null : d.note());
        }
    }

    /** A proposal's id names its year, so that it is found in the year's fund. */
    static String newId(int year) {
        return "bp-" + year + "-" + UUID.randomUUID();
    }

    /** The answer to a proposal: 202, not yet in force, with where to follow it. */
    static ResponseEntity<ProposalView> accepted(Outcome<SpecialFund, BudgetProposal> outcome) {
        BudgetProposal p = outcome.result();
        return Answers.accepted(outcome, location(p.id()), ProposalView.of(outcome.after().year(), p));
    }

    /** Proposals, newest first; {@code status=PENDING} is what waits for the plan office. */
    @GetMapping
    PageView<ProposalView> list(@RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
                                @RequestParam(required = false) BudgetProposal.Status status,
                                PageParameters paging, Actor actor) {
        List<ProposalView> all = store.all().stream()
                .filter(f -> year == null || f.year() == year)
                .flatMap(f -> f.proposals().stream().map(p -> ProposalView.of(f.year(), p)))
                .filter(p -> status == null || p.status() == status)
                .sorted(Comparator.comparing(ProposalView::proposedAt).reversed())
                .toList();
        return paging.of(all, p -> p);
    }

    @GetMapping("/{proposalId}")
    ProposalView get(@PathVariable String proposalId, Actor actor) {
        int year = yearOf(proposalId);
        return store.find(year).flatMap(f -> f.state().proposal(proposalId)).map(p -> ProposalView.of(year, p))
                .orElseThrow(() -> ApiException.notFound("budget proposal", proposalId));
    }

    /** The plan office approves: the proposed opening or revision takes effect (events: approved, then opened or revised). */
    @PostMapping("/{proposalId}/approval")
    @Allowed(Role.ADMIN)
    ResponseEntity<ProposalView> approve(@PathVariable String proposalId, @Valid @RequestBody ApproveRequest request,
                                         @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                         Actor actor) {
        int year = yearOf(proposalId);
        String requestKey = IdempotencyKeys.scoped(actor, key);
        Outcome<SpecialFund, BudgetProposal> outcome = store.change(year,
                fund -> fund.approve(proposalId, Text.clean(request.note()), calendar.recording(actor, requestKey)),
                done -> SpecialFundEventMapping.approved(done.after(), done.result()), actor.name());
        return Answers.of(outcome, location(proposalId), ProposalView.of(year, outcome.result()));
    }

    /** The plan office rejects: the budget stays as it was. */
    @PostMapping("/{proposalId}/rejection")
    @Allowed(Role.ADMIN)
    ResponseEntity<ProposalView> reject(@PathVariable String proposalId, @Valid @RequestBody RejectRequest request,
                                        @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                        Actor actor) {
        int year = yearOf(proposalId);
        String requestKey = IdempotencyKeys.scoped(actor, key);
        Outcome<SpecialFund, BudgetProposal> outcome = store.change(year,
                fund -> fund.reject(proposalId, Text.clean(request.reason()), calendar.recording(actor, requestKey)),
                done -> List.of(SpecialFundEventMapping.rejected(year, done.result())), actor.name());
        return Answers.of(outcome, location(proposalId), ProposalView.of(year, outcome.result()));
    }

    private static int yearOf(String proposalId) {
        Matcher id = ID.matcher(proposalId);
        if (!id.matches()) {
            throw ApiException.notFound("budget proposal", proposalId);
        }
        return Integer.parseInt(id.group(1));
    }

    private static URI location(String proposalId) {
        return URI.create("/api/funding/special-fund/budget-proposals/" + proposalId);
    }
}
