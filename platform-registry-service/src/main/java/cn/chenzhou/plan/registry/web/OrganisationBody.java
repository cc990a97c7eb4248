package cn.chenzhou.plan.registry.web;

import cn.chenzhou.plan.chassis.web.ValidCreditCode;
import cn.chenzhou.plan.registry.model.Organisation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An organisation as a request names it: a host, a holder, a member. Whether the credit code is required depends
 * on the role; where it is, the domain says so naming the field.
 */
public record OrganisationBody(@NotBlank @Size(max = 200) String name, @ValidCreditCode String creditCode) {
    public Organisation toOrganisation() {
        return Organisation.of(name, creditCode);
    }
}
