package cn.chenzhou.plan.projects.achievement.model;

import cn.chenzhou.plan.contracts.CreditCode;
import java.util.Objects;

/** The enterprise that applies the achievement (成果应用企业), identified by its unified social credit code. */
public record Enterprise(String name, CreditCode creditCode) {
    public Enterprise {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(creditCode, "creditCode");
    }
}
