package cn.chenzhou.plan.gateway;

import cn.chenzhou.plan.contracts.identity.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Tells the workbench who is signed in — the subject, roles and county of the access token the gateway relays for
 * this session, so the page offers what the services will allow — and the session's CSRF token, which every change
 * the page sends must carry. Reading the token here is also what issues it: it is created on first use and kept in
 * the session, never in a cookie.
 */
@RestController
class WorkbenchSession {
    static final String REGISTRATION = "platform";

    private final ReactiveOAuth2AuthorizedClientManager clients;
    private final ReactiveJwtDecoder tokens;

    WorkbenchSession(ReactiveOAuth2AuthorizedClientManager clients, ReactiveJwtDecoder tokens) {
        this.clients = clients;
        this.tokens = tokens;
    }

    @GetMapping("/workbench/session")
    Mono<ResponseEntity<Map<String, Object>>> session(Authentication authentication, ServerWebExchange exchange) {
        // a caller with its own bearer token has no session to protect: no CSRF token, and no session made for one
        Mono<Map<String, Object>> csrf = authentication instanceof OAuth2AuthenticationToken ? csrf(exchange) : Mono.empty();
        return accessToken(authentication, exchange)
                .flatMap(jwt -> csrf.map(token -> describe(jwt, token)).defaultIfEmpty(describe(jwt, Map.of())))
                .map(ResponseEntity::ok)
                .defaultIfEmpty(ResponseEntity.status(HttpStatus.UNAUTHORIZED).build());
    }

    /** The token the services will see: the session's (renewed if it can be), or the caller's own bearer token. */
    private Mono<Jwt> accessToken(Authentication authentication, ServerWebExchange exchange) {
        if (authentication instanceof JwtAuthenticationToken bearer) {
            return Mono.just(bearer.getToken());
        }
        if (authentication instanceof OAuth2AuthenticationToken) {
            return clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                            .principal(authentication).attribute(ServerWebExchange.class.getName(), exchange).build())
                    .flatMap(client -> tokens.decode(client.getAccessToken().getTokenValue()))
                    .onErrorResume(e -> Mono.empty());
        }
        return Mono.empty();
    }

    private static Mono<Map<String, Object>> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token.map(t -> Map.of("headerName", t.getHeaderName(),
                "parameterName", t.getParameterName(), "token", t.getToken()));
    }

    private static Map<String, Object> describe(Jwt jwt, Map<String, Object> csrf) {
        Map<String, Object> session = new LinkedHashMap<>();
        // the subject tells a user from a client of the same name (user:finance); a person is shown by name
        String subject = jwt.getSubject();
        session.put("name", subject.startsWith(Principal.USER_SUBJECT_PREFIX)
                ? subject.substring(Principal.USER_SUBJECT_PREFIX.length()) : subject);
        session.put("subject", subject);
        List<String> roles = jwt.getClaimAsStringList("roles");
        session.put("roles", roles == null ? List.of() : roles);
        session.put("county", jwt.getClaimAsString("county"));
        session.put("csrf", csrf.isEmpty() ? null : csrf);
        return session;
    }
}
