package cn.chenzhou.plan.funding.specialfund;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.security.Allowed;
import cn.chenzhou.plan.chassis.security.Role;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.PositiveAmount;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.Answers;
import cn.chenzhou.plan.funding.command.BusinessCalendar;
import cn.chenzhou.plan.funding.command.IdempotencyKeys;
import cn.chenzhou.plan.funding.command.Text;
import cn.chenzhou.plan.funding.command.model.Outcome;
import cn.chenzhou.plan.funding.specialfund.model.BudgetProposal;
import cn.chenzhou.plan.funding.specialfund.model.BudgetRevision;
import cn.chenzhou.plan.funding.specialfund.model.ReviseBudget;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFund;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The special fund's yearly budgets: open a year, revise its budget, read where it stands. A budget within the plan's
 * yearly figure takes effect at once (201); one above it is a proposal for the plan office (202, see
 * {@link BudgetProposalController}), and the budget stays as it was until the plan office approves it.
 */
@RestController
@RequestMapping("/api/funding/special-fund")
class SpecialFundController {
    private final SpecialFundStore store;
    private final BusinessCalendar calendar;
    private final SpecialFundSettings settings;

    SpecialFundController(SpecialFundStore store, BusinessCalendar calendar, SpecialFundSettings settings) {
        this.store = store;
        this.calendar = calendar;
        this.settings = settings;
    }

    /** @param reason why, for a budget above the plan's yearly figure (the plan office reads it); optional */
    record OpenFund(@NotNull Integer year, @NotNull @PositiveAmount Money budget, @NotNull LocalDate openedOn,
                    @Size(max = 500) String reason) {
    }

    record ReviseBudgetRequest(@NotNull @PositiveAmount Money budget, @NotNull LocalDate revisedOn,
                               @NotBlank @Size(max = 500) String reason) {
    }

    /**
     * Where a year's fund stands. {@code committed} = standing allocations + money clawed back; {@code remaining} =
     * budget − committed; {@code planFigure} the plan's yearly figure, above which a budget needs the plan office.
     */
    record FundView(int year, Money budget, LocalDate openedOn, Money allocated, Money disbursed, Money released,
                    Money clawedBack, Money committed, Money remaining, int allocations, int ledgerLines,
                    Money planFigure, String pendingProposalId) {
        static FundView of(SpecialFund f, Money planFigure) {
            return new FundView(f.year(), f.budget(), f.openedOn(), f.allocated(), f.disbursed(), f.released(),
                    f.clawedBack(), f.committed(), f.remaining(), f.allocations().size(), f.lines(), planFigure,
                    f.pendingProposal().map(BudgetProposal::id).orElse(null));
        }
    }

    /** @param proposalId the approved proposal this revision carries out, if it is above the plan's yearly figure */
    record BudgetRevisionView(int year, int line, Money from, Money to, LocalDate revisedOn, String reason,
                              Instant recordedAt, String recordedBy, String proposalId) {
        static BudgetRevisionView of(int year, BudgetRevision r) {
            return new BudgetRevisionView(year, r.line(), r.from(), r.to(), r.revisedOn(), r.reason(),
                    r.recorded().at(), r.recorded().by(), r.proposalId());
        }
    }

    /** Every open year; the special fund is a city-wide figure, which every principal may read. */
    @GetMapping
    List<FundView> list(Actor actor) {
        return store.all().stream().filter(SpecialFund::isOpen).map(f -> FundView.of(f, settings.planFigure())).toList();
    }

    @GetMapping("/{year}")
    FundView get(@PathVariable int year, Actor actor) {
        return FundView.of(load(year), settings.planFigure());
    }

    @GetMapping("/{year}/budget-revisions")
    List<BudgetRevisionView> revisions(@PathVariable int year, Actor actor) {
        SpecialFund fund = load(year);
        return fund.revisions().stream().map(r -> BudgetRevisionView.of(year, r)).toList();
    }

    /**
     * Opens a year the configuration did not open; refused (409) if the year is already open. Above the plan's
     * yearly figure, proposes the opening instead (202 with the proposal).
     */
    @PostMapping
    @Allowed(Role.FINANCE)
    ResponseEntity<?> open(@Valid @RequestBody OpenFund request,
                           @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key, Actor actor) {
        int year = calendar.plausibleYear("year", request.year());
        calendar.notInFuture("openedOn", request.openedOn());
        Money figure = settings.planFigure();
        String requestKey = IdempotencyKeys.scoped(actor, key);
        if (SpecialFund.needsApproval(request.budget(), figure)) {
            String proposalId = BudgetProposalController.newId(year);
            Outcome<SpecialFund, BudgetProposal> outcome = store.change(year,
                    fund -> fund.proposeOpening(proposalId, request.budget(), request.openedOn(),
                            Text.clean(request.reason()), figure, calendar.recording(actor, requestKey)),
                    done -> List.of(SpecialFundEventMapping.proposed(year, done.result())), actor.name());
            return BudgetProposalController.accepted(outcome);
        }
        Outcome<SpecialFund, SpecialFund> outcome = store.change(year,
                fund -> fund.open(request.budget(), request.openedOn(), figure, calendar.recording(actor, null)),
                done -> List.of(SpecialFundEventMapping.opened(done.after(), null)), actor.name());
        return ResponseEntity.created(URI.create("/api/funding/special-fund/" + year))
                .body(FundView.of(outcome.after(), figure));
    }

    /**
     * Sets the year's budget to a new figure, never below what is committed nor dated before the budget in force;
     * the revision is a ledger line. Above the plan's yearly figure, proposes the revision instead (202).
     */
    @PostMapping("/{year}/budget-revisions")
    @Allowed(Role.FINANCE)
    ResponseEntity<?> revise(@PathVariable int year, @Valid @RequestBody ReviseBudgetRequest request,
                             @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                             Actor actor) {
        calendar.notInFuture("revisedOn", request.revisedOn());
        String requestKey = IdempotencyKeys.scoped(actor, key);
        ReviseBudget command = new ReviseBudget(request.budget(), request.revisedOn(), Text.clean(request.reason()));
        Money figure = settings.planFigure();
        if (SpecialFund.needsApproval(request.budget(), figure)) {
            String proposalId = BudgetProposalController.newId(year);
            Outcome<SpecialFund, BudgetProposal> outcome = store.change(year,
                    fund -> fund.proposeRevision(proposalId, command, figure, calendar.recording(actor, requestKey)),
                    done -> List.of(SpecialFundEventMapping.proposed(year, done.result())), actor.name());
            return BudgetProposalController.accepted(outcome);
        }
        Outcome<SpecialFund, BudgetRevision> outcome = store.change(year,
                fund -> fund.reviseBudget(command, figure, calendar.recording(actor, requestKey)),
                done -> List.of(SpecialFundEventMapping.revised(year, done.result())), actor.name());
        return Answers.of(outcome, URI.create("/api/funding/special-fund/" + year + "/budget-revisions"),
                BudgetRevisionView.of(year, outcome.result()));
    }

    private SpecialFund load(int year) {
        return store.findOpen(year).orElseThrow(() -> ApiException.notFound("special fund", String.valueOf(year)));
    }
}
