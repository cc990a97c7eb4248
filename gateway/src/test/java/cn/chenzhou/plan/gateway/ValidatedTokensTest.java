package cn.chenzhou.plan.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class ValidatedTokensTest {
    private static final Instant NOW = Instant.parse("2013-05-20T08:00:00Z");
    private final AtomicInteger verifications = new AtomicInteger();
    private final ReactiveJwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("forged")) {
            return Mono.error(new BadJwtException("signature does not verify"));
        }
        Instant expires = token.startsWith("expired") ? NOW.minusSeconds(30) : NOW.plusSeconds(600);
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("finance")
                .issuedAt(expires.minusSeconds(1800)).expiresAt(expires).build());
    };
    private final ValidatedTokens tokens = new ValidatedTokens(verifier, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theSameTokenOnEveryRequestIsVerifiedOnceUntilItExpires() {
        for (int i = 0; i < 50; i++) {
            assertThat(tokens.decode("token-a").block().getSubject()).isEqualTo("finance");
        }
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aForgedOrExpiredTokenIsLeftToTheVerifierEveryTime() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode("forged-token").block()).isInstanceOf(BadJwtException.class);
            tokens.decode("expired-but-within-clock-skew").block();
        }
        assertThat(verifications).hasValue(6);
    }
}
