package cn.chenzhou.plan.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The answer to a client that failed to authenticate, the same whichever way it failed: an unknown client id costs
 * the server the same password check as a known one with a wrong secret, and gets the same words back — the
 * authorization server's own answers told them apart ("client_id" or "client_secret") and took a twentieth of the
 * time for an unknown id, so client ids could be listed. The failure counts towards the {@link SignInThrottle}.
 */
final class ClientAuthenticationFailure implements AuthenticationFailureHandler {
    private static final OAuth2Error INVALID_CLIENT = new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
            "Client authentication failed", null);
    private final RegisteredClientRepository clients;
    private final PasswordEncoder encoder;
    private final String unknownClientSecret;
    private final SignInThrottle throttle;
    private final OAuth2ErrorHttpMessageConverter errors = new OAuth2ErrorHttpMessageConverter();

    ClientAuthenticationFailure(RegisteredClientRepository clients, PasswordEncoder encoder, SignInThrottle throttle) {
        this.clients = clients;
        this.encoder = encoder;
        this.throttle = throttle;
        // hashed as the clients' secrets are, so that checking against it costs what checking theirs does
        this.unknownClientSecret = encoder.encode("no client has this secret " + java.util.UUID.randomUUID());
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        ClientCredentials presented = ClientCredentials.of(request);
        String name = presented == null ? null : presented.id();
        if (presented != null && presented.secret() != null && clients.findByClientId(presented.id()) == null) {
            encoder.matches(presented.secret(), unknownClientSecret);
        }
        throttle.failed(name, request.getRemoteAddr());
        ServletServerHttpResponse answer = new ServletServerHttpResponse(response);
        answer.setStatusCode(HttpStatus.UNAUTHORIZED);
        errors.write(INVALID_CLIENT, null, answer);
    }
}
