package cn.chenzhou.plan.funding.specialfund.model;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.command.model.Recording;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An allocation (安排) of a year's special fund, with every disbursement against it and its revocation, if any.
 * {@code line} is the allocation's place in the year's ledger.
 *
 * @param revocation null while the allocation stands
 */
public record Allocation(String id, int line, Recording recorded, Purpose purpose, Beneficiary beneficiary,
                         String county, String projectId, Money amount, String approvalDocument,
                         LocalDate allocatedOn, List<Disbursement> disbursements, Revocation revocation) {

    public Allocation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(amount, "amount");
        disbursements = disbursements == null ? List.of() : List.copyOf(disbursements);
    }

    public boolean isRevoked() {
        return revocation != null;
    }

    /** Everything paid out against this allocation (before any claw-back). */
    public Money disbursed() {
        Money sum = Money.ZERO;
        for (Disbursement d : disbursements) {
            sum = sum.plus(d.amount());
        }
        return sum;
    }

    /** What may still be paid out; nothing once revoked. */
    public Money undisbursed() {
        return isRevoked() ? Money.ZERO : amount.minus(disbursed());
    }

    /** The latest effective date among the allocation and its disbursements. */
    LocalDate lastMovementOn() {
        LocalDate last = allocatedOn;
        for (Disbursement d : disbursements) {
            if (d.disbursedOn().isAfter(last)) {
                last = d.disbursedOn();
            }
        }
        return last;
    }

    Allocate command() {
        return new Allocate(purpose, beneficiary, county, projectId, amount, approvalDocument, allocatedOn);
    }

    Allocation with(Disbursement disbursement) {
        List<Disbursement> more = new ArrayList<>(disbursements);
        more.add(disbursement);
        return new Allocation(id, line, recorded, purpose, beneficiary, county, projectId, amount, approvalDocument,
                allocatedOn, more, revocation);
    }

    Allocation with(Revocation revoked) {
        return new Allocation(id, line, recorded, purpose, beneficiary, county, projectId, amount, approvalDocument,
                allocatedOn, disbursements, revoked);
    }
}
