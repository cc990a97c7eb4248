package cn.chenzhou.plan.auth;

import cn.chenzhou.plan.contracts.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a sign-in while its name or its address is throttled ({@link SignInThrottle}): 429 problem+json with
 * {@code Retry-After}, before any password is hashed. The failures themselves are counted where the authorization
 * server decides them (a client's failed authentication, a form sign-in's failure).
 */
final class SignInThrottleFilter extends OncePerRequestFilter {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SignInThrottle throttle;
    private final RequestMatcher signIns;
    private final Function<HttpServletRequest, String> nameOf;

    /**
     * @param signIns which requests are sign-ins
     * @param nameOf  the client id or user name a sign-in names (null if none)
     */
    SignInThrottleFilter(SignInThrottle throttle, RequestMatcher signIns, Function<HttpServletRequest, String> nameOf) {
        this.throttle = throttle;
        this.signIns = signIns;
        this.nameOf = nameOf;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !signIns.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = throttle.wait(nameOf.apply(request), request.getRemoteAddr());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypes.PREFIX + "too-many-sign-in-attempts");
        problem.put("title", HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
        problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
        problem.put("detail", "too many failed sign-ins for this name or from this address; retry after " + seconds + " s");
        problem.put("retryAfterSeconds", seconds);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", String.valueOf(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8));
    }
}
