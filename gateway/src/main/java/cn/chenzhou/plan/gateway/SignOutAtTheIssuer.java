package cn.chenzhou.plan.gateway;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * After the gateway's session is gone, the authorization server's session must end too — otherwise "sign in" would
 * let the next person at the desk straight back in without a password. OpenID Connect RP-initiated logout: the
 * browser goes to the issuer's end-session endpoint with the ID token as the hint, and comes back to the workbench,
 * which asks for a sign-in again.
 */
@Component
class SignOutAtTheIssuer implements ServerLogoutSuccessHandler {
    private final ServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();
    private final String endSessionEndpoint;

    SignOutAtTheIssuer(@Value("${spring.security.oauth2.client.provider.platform.authorization-uri}") String authorizationUri) {
        // the browser reaches the issuer at the public address it signed in at
        this.endSessionEndpoint = authorizationUri.replaceFirst("/oauth2/authorize$", "/connect/logout");
    }

    @Override
    public Mono<Void> onLogoutSuccess(WebFilterExchange exchange, Authentication authentication) {
        URI request = exchange.getExchange().getRequest().getURI();
        String home = UriComponentsBuilder.newInstance().scheme(request.getScheme()).host(request.getHost())
                .port(request.getPort()).path("/").toUriString();
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            URI endSession = UriComponentsBuilder.fromUriString(endSessionEndpoint)
                    .queryParam("id_token_hint", user.getIdToken().getTokenValue())
                    .queryParam("post_logout_redirect_uri", home)
                    .encode().build().toUri();
            return redirect.sendRedirect(exchange.getExchange(), endSession);
        }
        return redirect.sendRedirect(exchange.getExchange(), URI.create(home));
    }
}
