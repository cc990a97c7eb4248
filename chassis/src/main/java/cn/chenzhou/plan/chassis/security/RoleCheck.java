package cn.chenzhou.plan.chassis.security;

import cn.chenzhou.plan.chassis.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * Enforces {@link Allowed} in front of every handler. A handler interceptor runs after the handler is chosen and
 * before its arguments are resolved, so a wrong-role command is refused before its body is read, converted or
 * validated: the refusal is the same 403 whatever the body, and no input rule runs for a caller who may not send it.
 */
final class RoleCheck implements HandlerInterceptor {
    private static final Set<RequestMethod> COMMANDS =
            EnumSet.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Allowed allowed = allowedFor(method);
        if (allowed == null) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            throw new InsufficientAuthenticationException("a bearer token is required");
        }
        Actor actor = ActorArgumentResolver.fromJwt(jwt);
        for (Role role : allowed.value()) {
            if (actor.has(role)) {
                return true;
            }
        }
        throw ApiException.forbidden(actor.name() + " may not do this; it needs one of the roles "
                + Arrays.toString(allowed.value()));
    }

    static Allowed allowedFor(HandlerMethod method) {
        Allowed onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Allowed.class);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Allowed.class);
    }

    /**
     * The commands among these mappings that do not say who may send them: a mapping that accepts POST, PUT, PATCH
     * or DELETE (or any method) of an application's own controller. The error page (whatever method failed) and the
     * framework's own handlers (the API description) are not commands.
     */
    static List<String> undeclaredCommands(Map<RequestMappingInfo, HandlerMethod> mappings) {
        List<String> missing = new ArrayList<>();
        mappings.forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            boolean command = methods.isEmpty() || methods.stream().anyMatch(COMMANDS::contains);
            String owner = method.getBeanType().getName();
            boolean framework = owner.startsWith("org.springframework.") || owner.startsWith("org.springdoc.")
                    || ErrorController.class.isAssignableFrom(method.getBeanType());
            if (command && !framework && allowedFor(method) == null) {
                missing.add(info + " → " + method.getShortLogMessage());
            }
        });
        return missing;
    }
}
