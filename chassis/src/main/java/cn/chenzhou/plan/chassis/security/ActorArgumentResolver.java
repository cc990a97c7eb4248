package cn.chenzhou.plan.chassis.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method take an {@link Actor} parameter, built from the validated token. */
public final class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            throw new InsufficientAuthenticationException("a bearer token is required");
        }
        return fromJwt(jwt);
    }

    public static Actor fromJwt(Jwt jwt) {
        List<Role> roles = new ArrayList<>();
        List<String> claimed = jwt.getClaimAsStringList(PlatformClaims.ROLES);
        if (claimed != null) {
            for (String r : claimed) {
                try {
                    roles.add(Role.valueOf(r));
                } catch (IllegalArgumentException ignored) {
                    // a role this service does not know grants nothing here
                }
            }
        }
        return Actor.of(jwt.getSubject(), roles, jwt.getClaimAsString(PlatformClaims.COUNTY));
    }
}
