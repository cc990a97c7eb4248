package cn.chenzhou.plan.gateway;

import cn.chenzhou.plan.contracts.County;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.springframework.core.io.Resource;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.util.matcher.MediaTypeServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.springframework.web.server.session.WebSessionManager;
import reactor.core.publisher.Mono;

/**
 * The first lock. API clients (county portals, finance systems, the SDK) present a platform JWT — signature,
 * issuer, audience, expiry and claims are checked here and again in every service. People in a browser sign in
 * through the authorization server (authorization code + PKCE); the gateway keeps their tokens in its session and
 * relays the access token downstream, so the services see the same kind of bearer token either way; a change they
 * make needs the CSRF token of their session, and signing out ends both sessions (the gateway's and the
 * authorization server's). Only the sign-in flow is open (health and metrics answer on a loopback management port
 * of their own).
 */
@Configuration
@EnableWebFluxSecurity
class GatewaySecurity {
    private static final String LOGIN = "/oauth2/authorization/platform";

    @Bean
    SecurityWebFilterChain apiAndBrowserSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                                                 WebSessionManager sessions, SignOutAtTheIssuer signOut,
                                                 ApplicationContext context) {
        return http
                // changes made with the gateway's session cookie need the session's CSRF token; anything else carries no
                // ambient credentials and goes on to authentication (a bearer token, or a 401). The token lives in the
                // session, on the server: a cookie the client sets (double submit) proves nothing, since anyone who can
                // plant a cookie can send the same value in the header. The page reads it from /workbench/session.
                .csrf(c -> c.csrfTokenRepository(new SessionCsrfTokens())
                        .requireCsrfProtectionMatcher(cookieAuthenticatedChange(sessionIds(sessions)))
                        .accessDeniedHandler((exchange, e) -> Problems.write(exchange, HttpStatus.FORBIDDEN,
                                "csrf-token-invalid", "a change made with the gateway's session cookie needs the "
                                        + "session's CSRF token in the X-CSRF-TOKEN header (GET /workbench/session tells "
                                        + "it): " + e.getMessage())))
                // signing out ends the gateway's session (and the tokens kept in it), then the authorization server's
                .logout(l -> l.logoutHandler(new DelegatingServerLogoutHandler(
                                new SecurityContextServerLogoutHandler(), new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(signOut))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(a -> a
                        // health and metrics: on the loopback management port only, which nothing routes to
                        .matchers(onManagementPort(context)).permitAll()
                        // the breakers' fallbacks are forwarded inside the gateway, past these filters: not open to callers
                        .pathMatchers("/oauth2/**", "/login/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2Login(o -> { })
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtDecoder(decoder))
                        .authenticationEntryPoint(GatewaySecurity::unauthorized)
                        .accessDeniedHandler((exchange, e) -> Problems.write(exchange, HttpStatus.FORBIDDEN,
                                "forbidden", e.getMessage())))
                .exceptionHandling(e -> e.authenticationEntryPoint(browserOrApi()))
                .build();
    }

    /**
     * Spring Security's firewall refuses paths a service must never see (encoded slashes or dots, NUL, backslashes,
     * {@code ;} parameters, …) before anything else runs; it answers an empty 400 unless told otherwise.
     */
    @Bean
    ServerExchangeRejectedHandler firewallRefusalAsProblem() {
        return (exchange, e) -> Problems.write(exchange, HttpStatus.BAD_REQUEST, "rejected-request",
                "the request was refused before routing: " + e.getMessage());
    }

    /** A browser asking for a page is sent to sign in; anything else without a valid token gets a 401. */
    private static ServerAuthenticationEntryPoint browserOrApi() {
        MediaTypeServerWebExchangeMatcher html = new MediaTypeServerWebExchangeMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(html, new RedirectServerAuthenticationEntryPoint(LOGIN)));
        entryPoint.setDefaultEntryPoint(GatewaySecurity::unauthorized);
        return entryPoint;
    }

    private static Mono<Void> unauthorized(org.springframework.web.server.ServerWebExchange exchange,
                                           org.springframework.security.core.AuthenticationException e) {
        exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
        return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated",
                "a valid bearer token is required (or sign in at " + URI.create(LOGIN) + "): " + e.getMessage());
    }

    /**
     * A request is cookie-authenticated — and a change so made needs the CSRF token — only if it carries the gateway's
     * session cookie and no bearer token. A request with neither has no credentials to abuse: it must reach
     * authentication and be told 401, not meet the CSRF check first.
     */
    static ServerWebExchangeMatcher cookieAuthenticatedChange(WebSessionIdResolver sessionIds) {
        return exchange -> {
            HttpMethod method = exchange.getRequest().getMethod();
            boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                    || method == HttpMethod.TRACE;
            String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer", 0, 6);
            boolean session = !sessionIds.resolveSessionIds(exchange).isEmpty();
            return !safe && !bearer && session ? MatchResult.match() : MatchResult.notMatch();
        };
    }

    /** A request that arrived on another port than the gateway's public one: the management server's. */
    static ServerWebExchangeMatcher onManagementPort(ApplicationContext context) {
        return exchange -> {
            java.net.InetSocketAddress local = exchange.getRequest().getLocalAddress();
            boolean management = local != null && context instanceof WebServerApplicationContext server
                    && server.getWebServer() != null && local.getPort() != server.getWebServer().getPort();
            return management ? MatchResult.match() : MatchResult.notMatch();
        };
    }

    private static WebSessionIdResolver sessionIds(WebSessionManager sessions) {
        return sessions instanceof DefaultWebSessionManager manager ? manager.getSessionIdResolver()
                : new CookieWebSessionIdResolver();
    }

    /**
     * @param clockSkew how far past its expiry a token is still taken, for clocks that differ. Tokens live 40 s so
     *                  that one revoked or stolen is refused everywhere within a minute; Spring's default of 60 s
     *                  would more than double that.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${platform.security.jwk-set-uri}") String jwkSetUri,
                                  @Value("${platform.security.issuer}") String issuer,
                                  @Value("${platform.security.audience}") String audience,
                                  @Value("${platform.security.public-key-location:#{null}}") Resource publicKey,
                                  @Value("${platform.security.clock-skew:10s}") java.time.Duration clockSkew) throws Exception {
        NimbusReactiveJwtDecoder decoder = publicKey != null
                ? NimbusReactiveJwtDecoder.withPublicKey(readPublicKey(publicKey)).build()
                : NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithValidators(new JwtIssuerValidator(issuer), new JwtTimestampValidator(clockSkew)),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience)),
                GatewaySecurity::countyPortalNamesItsCounty));
        return new ValidatedTokens(decoder, java.time.Clock.systemUTC());
    }

    /** A PEM public key instead of the issuer's key set: for tests, and for deployments that pin the key. */
    private static RSAPublicKey readPublicKey(Resource resource) throws Exception {
        try (var in = resource.getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        }
    }

    private static OAuth2TokenValidatorResult countyPortalNamesItsCounty(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        if (roles != null && roles.contains("COUNTY") && !County.isCountyCode(jwt.getClaimAsString("county"))) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                    "a county portal's token must carry a Chenzhou county code", null));
        }
        return OAuth2TokenValidatorResult.success();
    }
}
