package cn.chenzhou.plan.chassis.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.PastOrPresent;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The date a fact takes effect (approval, accreditation, allocation…): not in the future. "Today" is today in
 * Asia/Shanghai — the chassis sets the validator's clock to that zone. Null is left to {@code @NotNull}.
 */
@PastOrPresent
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface EffectiveDate {
    String message() default "must not be in the future (dates are Asia/Shanghai calendar dates)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
