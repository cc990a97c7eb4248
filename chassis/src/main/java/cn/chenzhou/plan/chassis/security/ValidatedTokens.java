package cn.chenzhou.plan.chassis.security;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A token decoder that verifies each distinct token once and then, until the token expires, answers from what it
 * verified: a client sends the same bearer token with every request, and checking its RSA signature again each time
 * was a third of a service's CPU on a read. A token is the same string or it is not accepted from here, so nothing is
 * trusted that was not verified; an expired token is verified again (and refused, past the allowed clock skew).
 * Tokens that fail are never remembered. Bounded: the memory is emptied when it holds {@value #MAX_TOKENS} tokens.
 */
public final class ValidatedTokens implements JwtDecoder {
    static final int MAX_TOKENS = 4096;
    private final JwtDecoder verifier;
    private final Clock clock;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    public ValidatedTokens(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null && stillValid(known, clock.instant())) {
            return known;
        }
        Jwt jwt = verifier.decode(token);
        if (stillValid(jwt, clock.instant())) {
            if (verified.size() >= MAX_TOKENS) {
                verified.clear();
            }
            verified.put(token, jwt);
        } else {
            verified.remove(token);
        }
        return jwt;
    }

    private static boolean stillValid(Jwt jwt, Instant now) {
        Instant expires = jwt.getExpiresAt();
        return expires != null && now.isBefore(expires);
    }
}
