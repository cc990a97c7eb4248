package cn.chenzhou.plan.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class ValidatedTokensTest {
    private static final Instant NOW = Instant.parse("2013-05-20T08:00:00Z");
    private final AtomicInteger verifications = new AtomicInteger();

    private JwtDecoder verifier(Instant expiresAt) {
        return token -> {
            verifications.incrementAndGet();
            if (token.startsWith("forged")) {
                throw new BadJwtException("signature does not verify");
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("county-431023")
                    .issuedAt(expiresAt.minus(Duration.ofMinutes(30))).expiresAt(expiresAt).build();
        };
    }

    @Test
    void aPortalSendingItsTokenWithEveryRequestHasItVerifiedOnce() {
        ValidatedTokens tokens = new ValidatedTokens(verifier(NOW.plusSeconds(600)), Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 0; i < 100; i++) {
            assertThat(tokens.decode("token-a").getSubject()).isEqualTo("county-431023");
        }
        tokens.decode("token-b");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenThatFailsVerificationIsRefusedEveryTimeAndNeverRemembered() {
        ValidatedTokens tokens = new ValidatedTokens(verifier(NOW.plusSeconds(600)), Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode("forged-token")).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).hasValue(3);
    }

    @Test
    void onceItsTokenHasExpiredTheVerifierDecidesAgainEveryTime() {
        Instant expires = NOW.plusSeconds(60);
        Clock[] clock = {Clock.fixed(NOW, ZoneOffset.UTC)};
        ValidatedTokens tokens = new ValidatedTokens(verifier(expires), new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock[0].instant();
            }
        });
        tokens.decode("token-a");
        tokens.decode("token-a");
        assertThat(verifications).hasValue(1);
        clock[0] = Clock.fixed(expires.plusSeconds(1), ZoneOffset.UTC);
        tokens.decode("token-a");
        tokens.decode("token-a");
        assertThat(verifications).hasValue(3);
    }
}
