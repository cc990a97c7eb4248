package cn.chenzhou.plan.chassis.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field of a request that may span lines (an opinion, a reason, a description): it may hold line feeds
 * (alone or after a carriage return) and tabs. Every other text field is a single line. Either way the rest of the
 * chassis's text rule holds ({@link InputRules#textProblem}).
 */
@Documented
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface MultiLine {
}
