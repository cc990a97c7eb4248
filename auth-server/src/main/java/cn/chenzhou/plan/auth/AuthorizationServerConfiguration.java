package cn.chenzhou.plan.auth;

import cn.chenzhou.plan.contracts.identity.Principal;
import cn.chenzhou.plan.contracts.identity.Principals;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Path;
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
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Clients, users, keys and token contents. Every access token carries the audience {@code chenzhou-plan},
 * the principal's {@code roles}, and for a county principal its {@code county}.
 */
@Configuration
class AuthorizationServerConfiguration {
    static final String SCOPE = "api";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, as -> as.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health/**", "/actuator/info", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
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
            // only access tokens: an OIDC ID token's audience must stay the client it was issued to
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            String name = context.getPrincipal().getName();
            boolean clientItself = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType());
            Optional<Principal> principal = clientItself ? Principals.client(name) : Principals.user(name);
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
