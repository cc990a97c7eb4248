package cn.chenzhou.plan.chassis.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts who acts ({@code actor}: the token's subject) and, for a county portal, its {@code county} into every log line
 * written while a request is handled (MDC; the JSON log format carries them as fields), so that an operator can
 * follow one county's or one client's requests. Runs after the security filters, once the token is validated; a
 * request without a valid token logs neither.
 */
public final class ActorLogContext extends OncePerRequestFilter {
    public static final String ACTOR = "actor";
    public static final String COUNTY = "county";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            chain.doFilter(request, response);
            return;
        }
        Actor actor = ActorArgumentResolver.fromJwt(jwt);
        MDC.put(ACTOR, actor.name());
        actor.countyScope().ifPresent(county -> MDC.put(COUNTY, county));
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(ACTOR);
            MDC.remove(COUNTY);
        }
    }
}
