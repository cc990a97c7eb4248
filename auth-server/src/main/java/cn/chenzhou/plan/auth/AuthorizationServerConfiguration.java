package cn.chenzhou.plan.auth;

import cn.chenzhou.plan.contracts.identity.Principal;
import cn.chenzhou.plan.contracts.identity.Principals;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Clients, users, keys and token contents. Every access token carries the audience {@code chenzhou-plan},
 * the principal's {@code roles}, and for a county principal its {@code county}.
 */
@Configuration
class AuthorizationServerConfiguration {
    static final String SCOPE = "api";

    /**
     * Client authentication (token, introspection, revocation): throttled per client id and per address, and every
     * failure answered alike.
     */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http, SignInThrottle throttle,
                                                     RegisteredClientRepository clients, PasswordEncoder encoder)
            throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, as -> as.oidc(Customizer.withDefaults())
                        .clientAuthentication(c -> c.errorResponseHandler(new ClientAuthenticationFailure(clients, encoder, throttle))))
                // only what presents a secret: an authorization request names the gateway's client too
                .addFilterBefore(new SignInThrottleFilter(throttle, AuthorizationServerConfiguration::presentsASecret,
                        request -> ClientCredentials.of(request).id()), AbstractPreAuthenticatedProcessingFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /** Staff sign in with a form, throttled per user name and per address (an unknown name costs a hash too). */
    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http, SignInThrottle throttle) throws Exception {
        SimpleUrlAuthenticationFailureHandler failed = new SimpleUrlAuthenticationFailureHandler("/login?error");
        http.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health/**", "/actuator/info", "/error").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new SignInThrottleFilter(throttle, PathPatternRequestMatcher.withDefaults()
                        .matcher(HttpMethod.POST, "/login"), AuthorizationServerConfiguration::userSubject),
                        UsernamePasswordAuthenticationFilter.class)
                .formLogin(f -> f.failureHandler((request, response, e) -> {
                    throttle.failed(userSubject(request), request.getRemoteAddr());
                    failed.onAuthenticationFailure(request, response, e);
                }));
        return http.build();
    }

    private static boolean presentsASecret(HttpServletRequest request) {
        ClientCredentials presented = ClientCredentials.of(request);
        return presented != null && presented.secret() != null;
    }

    /** A form sign-in's user as the throttle knows it: by the subject its tokens would carry, not a client's. */
    private static String userSubject(HttpServletRequest request) {
        String username = request.getParameter("username");
        return username == null ? null : Principal.USER_SUBJECT_PREFIX + username;
    }

    @Bean
    SignInThrottle signInThrottle(
            @Value("${platform.auth.sign-in-throttle.failures-per-name-from-address}") int perNameFromAddress,
            @Value("${platform.auth.sign-in-throttle.failures-per-address}") int perAddress,
            @Value("${platform.auth.sign-in-throttle.failures-per-name}") int perName,
            @Value("${platform.auth.sign-in-throttle.window}") Duration window) {
        return new SignInThrottle(perNameFromAddress, perAddress, perName, window, Clock.systemUTC());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository clients(Environment env, PasswordEncoder encoder,
                                       @Value("${platform.auth.token-ttl}") Duration ttl,
                                       @Value("${platform.auth.gateway-redirect-uri}") String gatewayRedirect,
                                       @Value("${platform.auth.gateway-signed-out-uri}") String gatewaySignedOut) {
        List<RegisteredClient> clients = new ArrayList<>();
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(ttl).build();
        for (Principal p : Principals.all()) {
            if (p.kind() != Principal.Kind.CLIENT) {
                continue;
            }
            RegisteredClient.Builder client = RegisteredClient.withId(UUID.nameUUIDFromBytes(p.name().getBytes()).toString())
                    .clientId(p.name())
                    .clientSecret(encoder.encode(secret(env, p)))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .tokenSettings(tokens);
            if (p.name().equals(Principals.GATEWAY_CLIENT)) {
                client.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                        .redirectUri(gatewayRedirect)
                        // signing out at the gateway ends the session here too, then returns to the workbench
                        .postLogoutRedirectUri(gatewaySignedOut)
                        .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(SCOPE)
                        .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build());
            } else {
                client.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scope(SCOPE);
            }
            clients.add(client.build());
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    UserDetailsService users(Environment env, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        for (Principal p : Principals.all()) {
            if (p.kind() == Principal.Kind.USER) {
                users.add(User.withUsername(p.name()).password(encoder.encode(secret(env, p)))
                        .roles(p.roles().toArray(String[]::new)).build());
            }
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static String secret(Environment env, Principal p) {
        String secret = env.getProperty(p.secretKey());
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("no secret for " + p.name() + " (property " + p.secretKey()
                    + "): the platform secrets file (PLATFORM_SECRETS_FILE) is missing or incomplete");
        }
        return secret;
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> platformClaims() {
        return context -> {
            String name = context.getPrincipal().getName();
            boolean clientItself = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType());
            Optional<Principal> principal = clientItself ? Principals.client(name) : Principals.user(name);
            // a user and a client may share a name (finance, viewer): the subject says which kind, in the ID token
            // (and so the user info and the gateway's session) as in the access token
            principal.ifPresent(p -> context.getClaims().subject(p.subject()));
            // the rest only in access tokens: an OIDC ID token's audience must stay the client it was issued to
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            context.getClaims().audience(List.of(Principals.AUDIENCE));
            principal.ifPresent(p -> {
                context.getClaims().claim("roles", p.roles());
                if (p.county() != null) {
                    context.getClaims().claim("county", p.county());
                }
            });
        };
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(@Value("${platform.auth.signing-key-file}") Path keyFile) {
        RSAKey key = SigningKey.loadOrCreate(keyFile);
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${platform.auth.issuer}") String issuer) {
        return AuthorizationServerSettings.builder().issuer(issuer).build();
    }
}
