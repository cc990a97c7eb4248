package cn.chenzhou.plan.chassis.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a handler method (or every handler of a controller). Checked by the chassis before the
 * request's arguments are resolved — before its body is read or validated — so a caller without the role learns
 * nothing from the answer but 403, whatever it sent. Every command (POST, PUT, PATCH, DELETE) must say who may send
 * it: a service with a command that does not fails to start.
 *
 * <p>Rules that depend on the request (a county portal acting for its own county only, a field only the plan office
 * may set) stay with the handler, which has the request.
 */
@Documented
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Allowed {
    /** Any one of these roles will do. */
    Role[] value();
}
