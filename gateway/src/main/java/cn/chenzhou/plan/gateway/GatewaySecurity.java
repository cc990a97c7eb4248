package cn.chenzhou.plan.gateway;

import cn.chenzhou.plan.contracts.County;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The first lock: API calls need a valid platform token (signature, issuer, audience, expiry, claims).
 * Each service checks the token again and applies the per-county rules itself.
 */
@Configuration
@EnableWebFluxSecurity
class GatewaySecurity {

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(a -> a
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtDecoder(decoder))
                        .authenticationEntryPoint((exchange, e) -> {
                            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
                            return problem(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "unauthenticated",
                                    "a valid bearer token is required: " + e.getMessage());
                        })
                        .accessDeniedHandler((exchange, e) -> problem(exchange.getResponse(), HttpStatus.FORBIDDEN,
                                "forbidden", e.getMessage())))
                .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${platform.security.jwk-set-uri}") String jwkSetUri,
                                  @Value("${platform.security.issuer}") String issuer,
                                  @Value("${platform.security.audience}") String audience) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience)),
                GatewaySecurity::countyPortalNamesItsCounty));
        return decoder;
    }

    private static OAuth2TokenValidatorResult countyPortalNamesItsCounty(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        if (roles != null && roles.contains("COUNTY") && !County.isCountyCode(jwt.getClaimAsString("county"))) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                    "a county portal's token must carry a Chenzhou county code", null));
        }
        return OAuth2TokenValidatorResult.success();
    }

    static Mono<Void> problem(ServerHttpResponse response, HttpStatus status, String type, String detail) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"urn:cn.chenzhou.plan:problem:" + type + "\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + escape(detail) + "\"}";
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }
}
