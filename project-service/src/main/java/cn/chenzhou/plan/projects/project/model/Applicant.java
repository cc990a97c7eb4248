package cn.chenzhou.plan.projects.project.model;

import cn.chenzhou.plan.contracts.CreditCode;
import java.util.Objects;

/** The applicant organisation (申报单位), identified by its unified social credit code. */
public record Applicant(String name, CreditCode creditCode) {
    public Applicant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(creditCode, "creditCode");
    }
}
