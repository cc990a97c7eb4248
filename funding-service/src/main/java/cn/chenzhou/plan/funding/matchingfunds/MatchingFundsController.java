package cn.chenzhou.plan.funding.matchingfunds;

import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.security.Allowed;
import cn.chenzhou.plan.chassis.security.Role;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.CountyCode;
import cn.chenzhou.plan.chassis.web.PageParameters;
import cn.chenzhou.plan.chassis.web.PageView;
import cn.chenzhou.plan.chassis.web.PositiveAmount;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.contracts.funding.FundingEvents;
import cn.chenzhou.plan.contracts.funding.MatchingFundsCommitted;
import cn.chenzhou.plan.contracts.funding.MatchingFundsPaid;
import cn.chenzhou.plan.funding.command.Answers;
import cn.chenzhou.plan.funding.command.CountyYearPages;
import cn.chenzhou.plan.funding.command.BusinessCalendar;
import cn.chenzhou.plan.funding.command.IdempotencyKeys;
import cn.chenzhou.plan.funding.command.Text;
import cn.chenzhou.plan.funding.command.model.Outcome;
import cn.chenzhou.plan.funding.matchingfunds.model.MatchingEntry;
import cn.chenzhou.plan.funding.matchingfunds.model.MatchingFunds;
import cn.chenzhou.plan.funding.matchingfunds.model.RecordMatchingFunds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
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
 * County matching funds (配套资金). A commitment is the county government's own pledge, so its portal records it
 * (for its own county only). A payment is money that has moved: the finance section records it, on the voucher,
 * once it has seen it — a county does not certify its own payments, which count in its performance assessment.
 */
@RestController
@RequestMapping("/api/funding/matching-funds")
class MatchingFundsController {
    private final MatchingFundsStore store;
    private final BusinessCalendar calendar;

    MatchingFundsController(MatchingFundsStore store, BusinessCalendar calendar) {
        this.store = store;
        this.calendar = calendar;
    }

    record CommitRequest(@NotNull @CountyCode String county, @NotNull Integer year,
                         @NotNull @PositiveAmount Money amount, @NotNull LocalDate committedOn,
                         @NotBlank @Size(max = 100) String documentNo) {
    }

    record PayRequest(@NotNull @CountyCode String county, @NotNull Integer year,
                      @NotNull @PositiveAmount Money amount, @NotNull LocalDate paidOn,
                      @NotBlank @Size(max = 100) String voucherNo) {
    }

    record EntryView(String id, String county, int year, Money amount, LocalDate effectiveOn, String documentNo,
                     Instant recordedAt, String recordedBy) {
        static EntryView of(MatchingFunds f, MatchingEntry e) {
            return new EntryView(e.id(), f.county(), f.year(), e.amount(), e.effectiveOn(), e.documentNo(),
                    e.recorded().at(), e.recorded().by());
        }
    }

    record MatchingFundsView(String county, int year, Money committed, Money paid, Money unpaid,
                             List<EntryView> commitments, List<EntryView> payments) {
        static MatchingFundsView of(MatchingFunds f) {
            return new MatchingFundsView(f.county(), f.year(), f.committed(), f.paid(), f.unpaid(),
                    f.commitments().stream().map(e -> EntryView.of(f, e)).toList(),
                    f.payments().stream().map(e -> EntryView.of(f, e)).toList());
        }
    }

    @PostMapping("/commitments")
    @Allowed(Role.COUNTY)
    ResponseEntity<EntryView> commit(@Valid @RequestBody CommitRequest request,
                                     @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                     Actor actor) {
        actor.requireCounty(request.county());
        int year = calendar.plausibleYear("year", request.year());
        calendar.notInFuture("committedOn", request.committedOn());
        RecordMatchingFunds command = new RecordMatchingFunds(request.amount(), request.committedOn(),
                Text.clean(request.documentNo()));
        String requestKey = IdempotencyKeys.scoped(actor, key);
        String entryId = "mfc-" + UUID.randomUUID();
        Outcome<MatchingFunds, MatchingEntry> outcome = store.change(request.county(), year,
                funds -> funds.commit(entryId, command, calendar.recording(actor, requestKey)),
                done -> new PendingEvent(FundingEvents.MATCHING_FUNDS_COMMITTED, MatchingFundsStore.idOf(request.county(), year),
                        request.county(), new MatchingFundsCommitted(done.result().id(), request.county(), year,
                        done.result().amount().fen(), done.result().effectiveOn().toString())),
                actor.name());
        return Answers.of(outcome, location(request.county(), year), EntryView.of(outcome.after(), outcome.result()));
    }

    /** 409 {@code over-payment} with {@code remaining} if the county has not committed that much unpaid. */
    @PostMapping("/payments")
    @Allowed(Role.FINANCE)
    ResponseEntity<EntryView> pay(@Valid @RequestBody PayRequest request,
                                  @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                  Actor actor) {
        int year = calendar.plausibleYear("year", request.year());
        calendar.notInFuture("paidOn", request.paidOn());
        RecordMatchingFunds command = new RecordMatchingFunds(request.amount(), request.paidOn(),
                Text.clean(request.voucherNo()));
        String requestKey = IdempotencyKeys.scoped(actor, key);
        String entryId = "mfp-" + UUID.randomUUID();
        Outcome<MatchingFunds, MatchingEntry> outcome = store.change(request.county(), year,
                funds -> funds.pay(entryId, command, calendar.recording(actor, requestKey)),
                done -> new PendingEvent(FundingEvents.MATCHING_FUNDS_PAID, MatchingFundsStore.idOf(request.county(), year),
                        request.county(), new MatchingFundsPaid(done.result().id(), request.county(), year,
                        done.result().amount().fen(), done.result().effectiveOn().toString())),
                actor.name());
        return Answers.of(outcome, location(request.county(), year), EntryView.of(outcome.after(), outcome.result()));
    }

    @GetMapping
    PageView<MatchingFundsView> list(@RequestParam(required = false) @CountyCode String county,
                                     @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
                                     PageParameters paging, Actor actor) {
        return CountyYearPages.page(actor, county, year, paging, store::count, store::find, MatchingFundsView::of);
    }

    @GetMapping("/{county}/{year}")
    MatchingFundsView get(@PathVariable String county, @PathVariable int year, Actor actor) {
        if (!actor.mayRead(county)) {
            throw ApiException.notFound("matching funds", county + "/" + year);
        }
        return store.find(county, year).map(MatchingFundsView::of)
                .orElseThrow(() -> ApiException.notFound("matching funds", county + "/" + year));
    }

    private static URI location(String county, int year) {
        return URI.create("/api/funding/matching-funds/" + county + "/" + year);
    }
}
