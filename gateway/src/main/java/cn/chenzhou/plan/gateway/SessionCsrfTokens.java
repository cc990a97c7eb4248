package cn.chenzhou.plan.gateway;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.WebSessionServerCsrfTokenRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The CSRF token of a browser session, kept in the session on the server (never in a cookie a client could plant).
 * Unlike Spring Security's {@link WebSessionServerCsrfTokenRepository}, issuing the token does not give the session a
 * new id: the page asks for its token while its other requests are in flight with the current id, and a request
 * carrying an id that no longer exists makes the framework expire the session cookie — the user would be signed out
 * by their own page. The id is changed where fixation matters, at sign-in.
 */
final class SessionCsrfTokens implements ServerCsrfTokenRepository {
    static final String ATTRIBUTE = SessionCsrfTokens.class.getName() + ".TOKEN";

    private final WebSessionServerCsrfTokenRepository tokens = new WebSessionServerCsrfTokenRepository();

    SessionCsrfTokens() {
        tokens.setSessionAttributeName(ATTRIBUTE);
    }

    @Override
    public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
        return tokens.generateToken(exchange);
    }

    @Override
    public Mono<Void> saveToken(ServerWebExchange exchange, CsrfToken token) {
        return exchange.getSession().doOnNext(session -> {
            if (token == null) {
                session.getAttributes().remove(ATTRIBUTE);
            } else {
                session.getAttributes().put(ATTRIBUTE, token);
            }
        }).then();
    }

    @Override
    public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
        return tokens.loadToken(exchange);
    }
}
