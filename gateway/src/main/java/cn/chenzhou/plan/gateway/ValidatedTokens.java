package cn.chenzhou.plan.gateway;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A token decoder that verifies each distinct token once and then, until the token expires, answers from what it
 * verified: a client sends the same bearer token with every request, and its RSA signature was the largest single
 * cost of a request through the gateway. A token is the same string or it is not accepted from here, so nothing is
 * trusted that was not verified; an expired token is verified again (and refused, past the allowed clock skew).
 * Tokens that fail are never remembered. Bounded: the memory is emptied when it holds {@value #MAX_TOKENS} tokens.
 */
final class ValidatedTokens implements ReactiveJwtDecoder {
    static final int MAX_TOKENS = 4096;
    private final ReactiveJwtDecoder verifier;
    private final Clock clock;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    ValidatedTokens(ReactiveJwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null && stillValid(known, clock.instant())) {
            return Mono.just(known);
        }
        return verifier.decode(token).doOnNext(jwt -> {
            if (stillValid(jwt, clock.instant())) {
                if (verified.size() >= MAX_TOKENS) {
                    verified.clear();
                }
                verified.put(token, jwt);
            } else {
                verified.remove(token);
            }
        });
    }

    private static boolean stillValid(Jwt jwt, Instant now) {
        Instant expires = jwt.getExpiresAt();
        return expires != null && now.isBefore(expires);
    }
}
