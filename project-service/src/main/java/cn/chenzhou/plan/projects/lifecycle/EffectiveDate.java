package cn.chenzhou.plan.projects.lifecycle;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.PastOrPresent;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The date a step takes effect: an Asia/Shanghai calendar date, not in the future (the validator's clock is set to
 * Asia/Shanghai in {@link ShanghaiCalendar}). Null is left to {@code @NotNull}.
 */
@PastOrPresent
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface EffectiveDate {
    String message() default "must not be in the future (dates are Asia/Shanghai calendar dates)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
