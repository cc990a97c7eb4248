package cn.chenzhou.plan.funding.specialfund;

import cn.chenzhou.plan.chassis.web.ValidCreditCode;
import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.security.Allowed;
import cn.chenzhou.plan.chassis.security.Role;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.CountyCode;
import cn.chenzhou.plan.chassis.web.PageParameters;
import cn.chenzhou.plan.chassis.web.PageView;
import cn.chenzhou.plan.chassis.web.PositiveAmount;
import cn.chenzhou.plan.contracts.CreditCode;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.Answers;
import cn.chenzhou.plan.funding.command.BusinessCalendar;
import cn.chenzhou.plan.funding.command.IdempotencyKeys;
import cn.chenzhou.plan.funding.command.Text;
import cn.chenzhou.plan.funding.command.model.Outcome;
import cn.chenzhou.plan.funding.specialfund.model.Allocate;
import cn.chenzhou.plan.funding.specialfund.model.Allocation;
import cn.chenzhou.plan.funding.specialfund.model.Beneficiary;
import cn.chenzhou.plan.funding.specialfund.model.Disburse;
import cn.chenzhou.plan.funding.specialfund.model.Disbursement;
import cn.chenzhou.plan.funding.specialfund.model.Purpose;
import cn.chenzhou.plan.funding.specialfund.model.Revocation;
import cn.chenzhou.plan.funding.specialfund.model.Revoke;
import cn.chenzhou.plan.funding.specialfund.model.SpecialFund;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
 * Allocations of a year's special fund, their disbursements and revocations. Only the finance section moves
 * money; a county portal reads the allocations to its own county.
 */
@RestController
@RequestMapping("/api/funding/special-fund/{year}/allocations")
class AllocationController {
    private final SpecialFundStore store;
    private final BusinessCalendar calendar;

    AllocationController(SpecialFundStore store, BusinessCalendar calendar) {
        this.store = store;
        this.calendar = calendar;
    }

    record BeneficiaryBody(@NotBlank @Size(max = 200) String name,
                           @ValidCreditCode String creditCode) {
    }

    record AllocateRequest(@NotNull Purpose purpose,
                           @NotNull @Valid BeneficiaryBody beneficiary,
                           @NotNull @CountyCode String county,
                           @Pattern(regexp = Text.REFERENCE, message = Text.REFERENCE_MESSAGE) String projectId,
                           @NotNull @PositiveAmount Money amount,
                           @NotBlank @Size(max = 100) String approvalDocument,
                           @NotNull LocalDate allocatedOn) {
    }

    record DisburseRequest(@NotNull @PositiveAmount Money amount, @NotNull LocalDate disbursedOn,
                           @Size(max = 100) String voucherNo) {
    }

    record RevokeRequest(@NotNull LocalDate revokedOn,
                         @NotBlank @Size(max = 500) String reason) {
    }

    record DisbursementView(String id, String allocationId, int year, int line, Money amount, LocalDate disbursedOn,
                            String voucherNo, Instant recordedAt, String recordedBy) {
        static DisbursementView of(int year, String allocationId, Disbursement d) {
            return new DisbursementView(d.id(), allocationId, year, d.line(), d.amount(), d.disbursedOn(), d.voucherNo(),
                    d.recorded().at(), d.recorded().by());
        }
    }

    record RevocationView(int line, LocalDate revokedOn, String reason, Money released, Money clawedBack,
                          Instant recordedAt, String recordedBy) {
        static RevocationView of(Revocation r) {
            return r == null ? null : new RevocationView(r.line(), r.revokedOn(), r.reason(), r.released(),
                    r.clawedBack(), r.recorded().at(), r.recorded().by());
        }
    }

    /** {@code status}: ALLOCATED (nothing paid yet), PARTLY_DISBURSED, DISBURSED (paid in full) or REVOKED. */
    record AllocationView(String id, int year, int line, String status, Purpose purpose, Beneficiary beneficiary,
                          String county, String projectId, Money amount, Money disbursed, Money undisbursed,
                          String approvalDocument, LocalDate allocatedOn, Instant recordedAt, String recordedBy,
                          List<DisbursementView> disbursements, RevocationView revocation) {
        static AllocationView of(int year, Allocation a) {
            String status = a.isRevoked() ? "REVOKED"
                    : a.undisbursed().isPositive() ? (a.disbursed().isPositive() ? "PARTLY_DISBURSED" : "ALLOCATED")
                    : "DISBURSED";
            return new AllocationView(a.id(), year, a.line(), status, a.purpose(), a.beneficiary(), a.county(),
                    a.projectId(), a.amount(), a.disbursed(), a.undisbursed(), a.approvalDocument(), a.allocatedOn(),
                    a.recorded().at(), a.recorded().by(),
                    a.disbursements().stream().map(d -> DisbursementView.of(year, a.id(), d)).toList(),
                    RevocationView.of(a.revocation()));
        }
    }

    /** Allocates money of the year's fund; 409 {@code over-budget} with {@code remaining} if the budget has not that much left. */
    @PostMapping
    @Allowed(Role.FINANCE)
    ResponseEntity<AllocationView> allocate(@PathVariable int year, @Valid @RequestBody AllocateRequest request,
                                            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                            Actor actor) {
        calendar.notInFuture("allocatedOn", request.allocatedOn());
        Allocate command = new Allocate(request.purpose(), beneficiary(request), request.county(),
                request.projectId(), request.amount(), Text.clean(request.approvalDocument()), request.allocatedOn());
        String requestKey = IdempotencyKeys.scoped(actor, key);
        String allocationId = "alloc-" + UUID.randomUUID();
        Outcome<SpecialFund, Allocation> outcome = store.change(year,
                fund -> fund.allocate(allocationId, command, calendar.recording(actor, requestKey)),
                done -> List.of(SpecialFundEventMapping.allocated(year, done.result())), actor.name());
        Allocation allocation = outcome.result();
        return Answers.of(outcome, location(year, allocation.id()), AllocationView.of(year, allocation));
    }

    @GetMapping
    PageView<AllocationView> list(@PathVariable int year,
                                  @RequestParam(required = false) @CountyCode String county,
                                  @RequestParam(required = false) Purpose purpose,
                                  PageParameters paging, Actor actor) {
        String scope = actor.countyScope().orElse(county);
        if (county != null && !county.equals(scope)) {
            // a portal asking for another county's allocations sees none, as if there were none
            return paging.empty();
        }
        List<Allocation> matching = load(year).allocations().stream()
                .filter(a -> scope == null || a.county().equals(scope))
                .filter(a -> purpose == null || a.purpose() == purpose)
                .toList();
        return paging.of(matching, a -> AllocationView.of(year, a));
    }

    @GetMapping("/{allocationId}")
    AllocationView get(@PathVariable int year, @PathVariable String allocationId, Actor actor) {
        Allocation allocation = load(year).allocation(allocationId)
                .filter(a -> actor.mayRead(a.county()))
                .orElseThrow(() -> ApiException.notFound("allocation", allocationId));
        return AllocationView.of(year, allocation);
    }

    /** Pays out against an allocation; 409 {@code over-allocation} with {@code remaining} if the allocation has not that much left. */
    @PostMapping("/{allocationId}/disbursements")
    @Allowed(Role.FINANCE)
    ResponseEntity<DisbursementView> disburse(@PathVariable int year, @PathVariable String allocationId,
                                              @Valid @RequestBody DisburseRequest request,
                                              @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                              Actor actor) {
        calendar.notInFuture("disbursedOn", request.disbursedOn());
        Disburse command = new Disburse(request.amount(), request.disbursedOn(), Text.clean(request.voucherNo()));
        String requestKey = IdempotencyKeys.scoped(actor, key);
        String disbursementId = "disb-" + UUID.randomUUID();
        Outcome<SpecialFund, Disbursement> outcome = store.change(year,
                fund -> fund.disburse(allocationId, disbursementId, command, calendar.recording(actor, requestKey)),
                done -> {
                    Allocation allocation = done.after().allocation(allocationId).orElseThrow();
                    return List.of(SpecialFundEventMapping.disbursed(year, allocation, done.result()));
                }, actor.name());
        return Answers.of(outcome, location(year, allocationId), DisbursementView.of(year, allocationId, outcome.result()));
    }

    /** Revokes an allocation: the undisbursed part returns to the budget, disbursed money is clawed back. */
    @PostMapping("/{allocationId}/revocation")
    @Allowed(Role.FINANCE)
    ResponseEntity<AllocationView> revoke(@PathVariable int year, @PathVariable String allocationId,
                                          @Valid @RequestBody RevokeRequest request,
                                          @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                          Actor actor) {
        calendar.notInFuture("revokedOn", request.revokedOn());
        Revoke command = new Revoke(request.revokedOn(), Text.clean(request.reason()));
        String requestKey = IdempotencyKeys.scoped(actor, key);
        Outcome<SpecialFund, Allocation> outcome = store.change(year,
                fund -> fund.revoke(allocationId, command, calendar.recording(actor, requestKey)),
                done -> List.of(SpecialFundEventMapping.revoked(year, done.result())), actor.name());
        return Answers.of(outcome, location(year, allocationId), AllocationView.of(year, outcome.result()));
    }

    private static Beneficiary beneficiary(AllocateRequest request) {
        String code = request.beneficiary().creditCode();
        if (code == null && request.purpose() == Purpose.KEY_ENTERPRISE) {
            throw ApiException.invalidField("beneficiary.creditCode", "is required for a key enterprise");
        }
        return new Beneficiary(Text.clean(request.beneficiary().name()), code == null ? null : new CreditCode(code));
    }

    private SpecialFund load(int year) {
        return store.findOpen(year).orElseThrow(() -> ApiException.notFound("special fund", String.valueOf(year)));
    }

    private static URI location(int year, String allocationId) {
        return URI.create("/api/funding/special-fund/" + year + "/allocations/" + allocationId);
    }
}
