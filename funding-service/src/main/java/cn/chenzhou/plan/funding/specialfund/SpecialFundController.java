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
import cn.chenzhou.plan.funding.command.model.Recording;
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

/** The special fund's yearly budgets: open a year, revise its budget, read where it stands. */
@RestController
@RequestMapping("/api/funding/special-fund")
class SpecialFundController {
    private final SpecialFundStore store;
    private final BusinessCalendar calendar;

    SpecialFundController(SpecialFundStore store, BusinessCalendar calendar) {
        this.store = store;
        this.calendar = calendar;
    }

    record OpenFund(@NotNull Integer year, @NotNull @PositiveAmount Money budget, @NotNull LocalDate openedOn) {
    }

    record ReviseBudgetRequest(@NotNull @PositiveAmount Money budget, @NotNull LocalDate revisedOn,
                               @NotBlank @Size(max = 500) String reason) {
    }

    /** Where a year's fund stands. {@code committed} = standing allocations + money clawed back; {@code remaining} = budget − committed. */
    record FundView(int year, Money budget, LocalDate openedOn, Money allocated, Money disbursed, Money released,
                    Money clawedBack, Money committed, Money remaining, int allocations, int ledgerLines) {
        static FundView of(SpecialFund f) {
            return new FundView(f.year(), f.budget(), f.openedOn(), f.allocated(), f.disbursed(), f.released(),
                    f.clawedBack(), f.committed(), f.remaining(), f.allocations().size(), f.lines());
        }
    }

    record BudgetRevisionView(int year, int line, Money from, Money to, LocalDate revisedOn, String reason,
                              Instant recordedAt, String recordedBy) {
        static BudgetRevisionView of(int year, BudgetRevision r) {
            return new BudgetRevisionView(year, r.line(), r.from(), r.to(), r.revisedOn(), r.reason(),
                    r.recorded().at(), r.recorded().by());
        }
    }

    /** Every open year; the special fund is a city-wide figure, which every principal may read. */
    @GetMapping
    List<FundView> list(Actor actor) {
        return store.all().stream().map(v -> FundView.of(v.state())).toList();
    }

    @GetMapping("/{year}")
    FundView get(@PathVariable int year, Actor actor) {
        return FundView.of(load(year));
    }

    @GetMapping("/{year}/budget-revisions")
    List<BudgetRevisionView> revisions(@PathVariable int year, Actor actor) {
        SpecialFund fund = load(year);
        return fund.revisions().stream().map(r -> BudgetRevisionView.of(year, r)).toList();
    }

    /** Opens a year the configuration did not open; refused (409) if the year is already open. */
    @PostMapping
    @Allowed(Role.FINANCE)
    ResponseEntity<FundView> open(@Valid @RequestBody OpenFund request, Actor actor) {
        int year = calendar.plausibleYear("year", request.year());
        calendar.notInFuture("openedOn", request.openedOn());
        SpecialFund fund = SpecialFund.open(year, request.budget(), request.openedOn(),
                new Recording(calendar.now(), actor.name(), null));
        if (!store.open(fund, actor.name())) {
            throw ApiException.conflict("fund-already-open", "the " + year
                    + " special fund is already open; revise its budget instead").with("year", year);
        }
        return ResponseEntity.created(URI.create("/api/funding/special-fund/" + year)).body(FundView.of(fund));
    }

    /** Sets the year's budget to a new figure, never below what is committed; the revision is a ledger line. */
    @PostMapping("/{year}/budget-revisions")
    @Allowed(Role.FINANCE)
    ResponseEntity<BudgetRevisionView> revise(@PathVariable int year, @Valid @RequestBody ReviseBudgetRequest request,
                                              @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                              Actor actor) {
        calendar.notInFuture("revisedOn", request.revisedOn());
        String requestKey = IdempotencyKeys.scoped(actor, key);
        ReviseBudget command = new ReviseBudget(request.budget(), request.revisedOn(), Text.clean(request.reason()));
        Outcome<SpecialFund, BudgetRevision> outcome = store.change(year,
                fund -> fund.reviseBudget(command, calendar.recording(actor, requestKey)),
                done -> List.of(SpecialFundEventMapping.revised(year, done.result())), actor.name());
        return Answers.of(outcome, URI.create("/api/funding/special-fund/" + year + "/budget-revisions"),
                BudgetRevisionView.of(year, outcome.result()));
    }

    private SpecialFund load(int year) {
        return store.find(year).orElseThrow(() -> ApiException.notFound("special fund", String.valueOf(year))).state();
    }
}
