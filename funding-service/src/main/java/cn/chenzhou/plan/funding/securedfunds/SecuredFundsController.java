package cn.chenzhou.plan.funding.securedfunds;

import cn.chenzhou.plan.chassis.outbox.AggregateCollection;
import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.security.Allowed;
import cn.chenzhou.plan.chassis.security.Role;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.PageParameters;
import cn.chenzhou.plan.chassis.web.PageView;
import cn.chenzhou.plan.chassis.web.PositiveAmount;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.Answers;
import cn.chenzhou.plan.funding.command.BusinessCalendar;
import cn.chenzhou.plan.funding.command.IdempotencyKeys;
import cn.chenzhou.plan.funding.command.Text;
import cn.chenzhou.plan.funding.command.model.Outcome;
import cn.chenzhou.plan.funding.command.model.Recording;
import cn.chenzhou.plan.funding.securedfunds.model.CorrectedEntry;
import cn.chenzhou.plan.funding.securedfunds.model.Level;
import cn.chenzhou.plan.funding.securedfunds.model.ReverseFunds;
import cn.chenzhou.plan.funding.securedfunds.model.ReversingEntry;
import cn.chenzhou.plan.funding.securedfunds.model.SecureFunds;
import cn.chenzhou.plan.funding.securedfunds.model.SecuredFundsEntry;
import cn.chenzhou.plan.funding.securedfunds.model.SecuredFundsProgress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** National and provincial funds secured (F1), their corrections, and progress toward the plan's target. */
@RestController
@RequestMapping("/api/funding/secured-funds")
class SecuredFundsController {
    private final SecuredFundsStore store;
    private final BusinessCalendar calendar;
    private final Money target;
    private final LocalDate periodStart;
    private final LocalDate periodEnd;

    SecuredFundsController(SecuredFundsStore store, BusinessCalendar calendar,
                           @Value("${funding.secured-funds.target}") String target,
                           @Value("${funding.secured-funds.period-start}") LocalDate periodStart,
                           @Value("${funding.secured-funds.period-end}") LocalDate periodEnd) {
        this.store = store;
        this.calendar = calendar;
        this.target = Money.parseYuan(target);
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        if (!this.target.isPositive() || periodEnd.isBefore(periodStart)) {
            throw new IllegalArgumentException("funding.secured-funds needs a positive target and a period that ends after it starts");
        }
    }

    /** @param county a county code, or 431000 for money secured for the city itself */
    record SecureRequest(@NotNull @Pattern(regexp = "\\d{6}", message = "must be a Chenzhou county code or 431000 for the city") String county,
                         @NotNull Level level,
                         @NotNull @Pattern(regexp = Text.PROGRAMME, message = Text.PROGRAMME_MESSAGE) String programme,
                         @Pattern(regexp = Text.REFERENCE, message = Text.REFERENCE_MESSAGE) String projectId,
                         @NotNull @PositiveAmount Money amount,
                         @NotNull LocalDate securedOn,
                         @NotBlank @Size(max = 100) String documentNo) {
    }

    record ReverseRequest(@NotNull @PositiveAmount Money amount, @NotNull LocalDate reversedOn,
                          @NotBlank @Size(max = 500) String reason) {
    }

    record ReversalView(String id, String reversedEntryId, int number, String county, Money amount, LocalDate reversedOn,
                        String reason, Instant recordedAt, String recordedBy) {
        static ReversalView of(ReversingEntry r) {
            return new ReversalView(r.id(), r.reversedEntryId(), r.number(), r.county(), r.amount(), r.reversedOn(),
                    r.reason(), r.recorded().at(), r.recorded().by());
        }
    }

    /** An entry as secured, what its reversals took back, and what still counts ({@code net}). */
    record EntryView(String id, String county, Level level, String programme, String projectId, Money amount,
                     Money reversed, Money net, LocalDate securedOn, String documentNo, Instant recordedAt,
                     String recordedBy, List<ReversalView> reversals) {
        static EntryView of(CorrectedEntry c) {
            SecuredFundsEntry e = c.entry();
            return new EntryView(e.id(), e.county(), e.level(), e.programme(), e.projectId(), e.amount(), c.reversed(),
                    c.remaining(), e.securedOn(), e.documentNo(), e.recorded().at(), e.recorded().by(),
                    c.reversals().stream().map(ReversalView::of).toList());
        }
    }

    @PostMapping
    @Allowed(Role.FINANCE)
    ResponseEntity<EntryView> secure(@Valid @RequestBody SecureRequest request,
                                     @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                     Actor actor) {
        if (!County.isCountyOrCityCode(request.county())) {
            throw ApiException.invalidField("county", "must be one of the 11 Chenzhou county codes, or 431000 for the city");
        }
        calendar.notInFuture("securedOn", request.securedOn());
        String requestKey = IdempotencyKeys.scoped(actor, key);
        String id = "sf-" + (requestKey == null ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes(requestKey.getBytes(StandardCharsets.UTF_8)));
        SecureFunds command = new SecureFunds(request.county(), request.level(), request.programme(), request.projectId(),
                request.amount(), request.securedOn(), Text.clean(request.documentNo()));
        SecuredFundsEntry entry = SecuredFundsEntry.secure(id, command, new Recording(calendar.now(), actor.name(), requestKey));
        Outcome<SecuredFundsEntry, SecuredFundsEntry> outcome = store.secure(entry, actor.name());
        SecuredFundsEntry stored = outcome.result();
        return Answers.of(outcome, location(stored.id()), EntryView.of(new CorrectedEntry(stored,
                outcome.changed() ? List.of() : store.find(stored.id()).orElseThrow().reversals())));
    }

    /** Corrects an entry by reversing (part of) what remains of it; 409 {@code over-reversal} with {@code remaining} otherwise. */
    @PostMapping("/{entryId}/reversals")
    @Allowed(Role.FINANCE)
    ResponseEntity<ReversalView> reverse(@PathVariable String entryId, @Valid @RequestBody ReverseRequest request,
                                         @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                         Actor actor) {
        calendar.notInFuture("reversedOn", request.reversedOn());
        ReverseFunds command = new ReverseFunds(request.amount(), request.reversedOn(), Text.clean(request.reason()));
        String requestKey = IdempotencyKeys.scoped(actor, key);
        Outcome<CorrectedEntry, ReversingEntry> outcome = store.reverse(entryId,
                corrected -> corrected.reverse(command, calendar.recording(actor, requestKey)), actor.name());
        return Answers.of(outcome, location(entryId), ReversalView.of(outcome.result()));
    }

    @GetMapping
    PageView<EntryView> list(@RequestParam(required = false) @Pattern(regexp = "\\d{6}", message = "must be a county code") String county,
                             @RequestParam(required = false) Level level,
                             @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
                             PageParameters paging, Actor actor) {
        String scope = actor.countyScope().orElse(county);
        if (county != null && !county.equals(scope)) {
            return paging.empty();
        }
        Criteria criteria = new Criteria();
        if (scope != null) {
            criteria = criteria.and(AggregateCollection.field("county")).is(scope);
        }
        if (level != null) {
            criteria = criteria.and(AggregateCollection.field("level")).is(level.name());
        }
        if (year != null) {
            criteria = criteria.and(AggregateCollection.field("securedOn")).gte(year + "-01-01").lte(year + "-12-31");
        }
        Query query = new Query(criteria);
        long total = store.count(query);
        query.with(Sort.by(AggregateCollection.field("securedOn"), "_id")).skip(paging.offset()).limit(paging.size());
        return paging.of(store.find(query).stream().map(EntryView::of).toList(), total);
    }

    @GetMapping("/{entryId}")
    EntryView get(@PathVariable String entryId, Actor actor) {
        return store.find(entryId).filter(c -> actor.mayRead(c.entry().county())).map(EntryView::of)
                .orElseThrow(() -> ApiException.notFound("secured-funds entry", entryId));
    }

    /**
     * Progress toward the target (F1) as of a date (default today): secured inside the plan period, less reversals.
     * Every principal sees the city-wide figure; a county portal's per-county breakdown shows its own county only.
     */
    @GetMapping("/progress")
    SecuredFundsProgress progress(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                  Actor actor) {
        LocalDate when = asOf == null ? calendar.today() : asOf;
        // only the entries the figure counts: secured within the plan's period and by the day asked about
        LocalDate until = when.isBefore(periodEnd) ? when : periodEnd;
        Query counted = new Query(Criteria.where(AggregateCollection.field("securedOn"))
                .gte(periodStart.toString()).lte(until.toString()));
        SecuredFundsProgress progress = SecuredFundsProgress.of(target, periodStart, periodEnd, when, store.find(counted));
        return actor.countyScope().map(progress::forCounty).orElse(progress);
    }

    private static URI location(String entryId) {
        return URI.create("/api/funding/secured-funds/" + entryId);
    }
}
