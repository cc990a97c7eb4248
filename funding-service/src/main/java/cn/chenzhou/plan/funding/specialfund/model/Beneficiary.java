package cn.chenzhou.plan.funding.specialfund.model;

import cn.chenzhou.plan.contracts.CreditCode;
import java.util.Objects;

/**
 * Who receives an allocation: an enterprise (with its unified social credit code) or a person (a talent, named only).
 *
 * @param creditCode null for a person
 */
public record Beneficiary(String name, CreditCode creditCode) {
    public Beneficiary {
        Objects.requireNonNull(name, "name");
    }
}
