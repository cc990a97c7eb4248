package cn.chenzhou.plan.chassis.security;

import cn.chenzhou.plan.chassis.web.ProblemWriter;
import cn.chenzhou.plan.chassis.web.Problems;
import cn.chenzhou.plan.contracts.County;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every service validates the bearer token itself (defence in depth: the gateway is not the only lock):
 * signature against the authorization server's keys, issuer, audience, expiry, and the platform's claims.
 * Open: only what arrives on the management port (health, metrics: a loopback port the gateway does not route).
 * The OpenAPI description is the plan office's (ADMIN): it maps every endpoint. Refusals are problem+json 401 / 403.
 */
@AutoConfiguration(before = ServletWebSecurityAutoConfiguration.class)
@EnableWebSecurity
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain platformSecurity(HttpSecurity http, JwtDecoder decoder, ProblemWriter writer,
                                         ApplicationContext context) throws Exception {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(PlatformClaims.ROLES);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a
                        .requestMatchers(onManagementPort(context)).permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            writer.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
                                    "a valid bearer token is required: " + e.getMessage()));
                        })
                        .accessDeniedHandler((request, response, e) -> writer.write(response,
                                Problems.of(HttpStatus.FORBIDDEN, "forbidden", e.getMessage()))));
        return http.build();
    }

    /** A request that arrived on another port than the API's: the management server's. */
    private static RequestMatcher onManagementPort(ApplicationContext context) {
        return request -> context instanceof WebServerApplicationContext server && server.getWebServer() != null
                && request.getLocalPort() != server.getWebServer().getPort();
    }

    /**
     * @param clockSkew how far past its expiry a token is still taken, for clocks that differ. Tokens live 40 s so
     *                  that one revoked or stolen is refused everywhere within a minute; Spring's default of 60 s
     *                  would more than double that.
     */
    @Bean
    JwtDecoder jwtDecoder(@Value("${platform.security.issuer}") String issuer,
                          @Value("${platform.security.audience}") String audience,
                          @Value("${platform.security.jwk-set-uri}") String jwkSetUri,
                          @Value("${platform.security.public-key-location:#{null}}") Resource publicKey,
                          @Value("${platform.security.clock-skew:10s}") Duration clockSkew) throws Exception {
        NimbusJwtDecoder decoder = publicKey != null
                ? NimbusJwtDecoder.withPublicKey(readPublicKey(publicKey)).build()
                : NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        decoder.setJwtValidator(validator(issuer, audience, clockSkew));
        return new ValidatedTokens(decoder, java.time.Clock.systemUTC());
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Duration clockSkew) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithValidators(new JwtIssuerValidator(issuer), new JwtTimestampValidator(clockSkew)),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience)),
                SecurityConfiguration::countyPortalNamesItsCounty);
    }

    private static OAuth2TokenValidatorResult countyPortalNamesItsCounty(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(PlatformClaims.ROLES);
        if (roles != null && roles.contains(Role.COUNTY.name())
                && !County.isCountyCode(jwt.getClaimAsString(PlatformClaims.COUNTY))) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                    "a county portal's token must carry a Chenzhou county code", null));
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static RSAPublicKey readPublicKey(Resource resource) throws Exception {
        try (InputStream in = resource.getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read public key " + resource, e);
        }
    }

    @Bean
    WebMvcConfigurer actorArgumentsAndRoles() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new ActorArgumentResolver());
            }

            /** First of all interceptors: a caller without the role learns nothing else about its request. */
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RoleCheck()).order(Ordered.HIGHEST_PRECEDENCE);
            }
        };
    }

    /** A command that does not say who may send it is a mistake found at start, not a door found open later. */
    @Bean
    SmartInitializingSingleton everyCommandSaysWhoMaySendIt(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        return () -> {
            List<String> undeclared = new ArrayList<>();
            mappings.forEach(m -> undeclared.addAll(RoleCheck.undeclaredCommands(m.getHandlerMethods())));
            if (!undeclared.isEmpty()) {
                throw new IllegalStateException("these commands do not say which roles may send them (@"
                        + Allowed.class.getSimpleName() + "): " + undeclared);
            }
        };
    }
}
