package cn.chenzhou.plan.gateway;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.RefreshTokenReactiveOAuth2AuthorizedClientProvider;

/**
 * A signed-in user's access token lives as briefly as any (40 s, so that a revoked one is refused within a minute);
 * the gateway keeps the session working by renewing it with the session's refresh token when a request finds it
 * about to run out. Spring's default renews any token with less than 60 s left — every token, every request, here.
 */
@Configuration
class BrowserTokenRenewal {

    /** Picked up by Spring Security's authorized-client manager, which the token relay asks for the user's token. */
    @Bean
    RefreshTokenReactiveOAuth2AuthorizedClientProvider renewShortlyBeforeExpiry(
            @Value("${platform.security.renew-before-expiry:10s}") Duration renewBefore) {
        RefreshTokenReactiveOAuth2AuthorizedClientProvider provider = new RefreshTokenReactiveOAuth2AuthorizedClientProvider();
        provider.setClockSkew(renewBefore);
        return provider;
    }
}
