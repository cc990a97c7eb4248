package cn.chenzhou.plan.registry.model;

import cn.chenzhou.plan.contracts.CreditCode;
import java.util.Objects;

/**
 * An organisation the registry names: a platform's host, a designation's holder, an alliance member. Identified by
 * its unified social credit code (统一社会信用代码) where it has one; a holder such as a county or a zone may have none.
 *
 * @param name       its registered name
 * @param creditCode its unified social credit code, or null
 */
public record Organisation(String name, CreditCode creditCode) {

    public Organisation {
        Objects.requireNonNull(name, "name");
        name = Names.normalise(name);
        if (name.isEmpty()) {
            throw Refusal.invalid("name", "must not be blank");
        }
    }

    public static Organisation of(String name, String creditCode) {
        return new Organisation(name, creditCode == null ? null : new CreditCode(creditCode));
    }

    public boolean hasCreditCode() {
        return creditCode != null;
    }

    /**
     * What makes two mentions the same organisation: the credit code where there is one, otherwise the name in its
     * county (two different villages may share a name, two organisations with a credit code never share one).
     */
    public String identity(String county) {
        return creditCode != null ? creditCode.value() : "name:" + county + ":" + name;
    }
}
