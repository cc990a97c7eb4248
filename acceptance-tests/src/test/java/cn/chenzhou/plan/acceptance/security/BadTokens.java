package cn.chenzhou.plan.acceptance.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The tokens an attacker would try, each made from the claims of a real plan-office (ADMIN) token so that nothing
 * but the flaw named tells them apart from a good one: an expired one signed with the platform's own key, one
 * signed by another key (under the platform key's id), an unsigned one ({@code alg: none}), and one signed with the
 * platform's own key but issued for another audience (another API of the same authorization server).
 */
public final class BadTokens {
    private final String expired;
    private final String foreignKey;
    private final String algNone;
    private final String wrongAudience;

    public BadTokens(PlatformUnderTest platform) throws Exception {
        JWTClaimsSet real = SignedJWT.parse(platform.token("plan-office")).getJWTClaimsSet();
        RSAKey platformKey = RSAKey.parse(Files.readString(platform.signingKeyFile()));
        Instant now = Instant.now();
        expired = sign(claims(real, now.minusSeconds(7200), now.minusSeconds(3600)), platformKey);
        RSAKey another = new RSAKeyGenerator(2048).keyID(platformKey.getKeyID()).generate();
        foreignKey = sign(claims(real, now, now.plusSeconds(3600)), another);
        algNone = new PlainJWT(claims(real, now, now.plusSeconds(3600))).serialize();
        wrongAudience = sign(new JWTClaimsSet.Builder(claims(real, now, now.plusSeconds(3600)))
                .audience(List.of("another-api")).build(), platformKey);
    }

    public String forCaller(Caller caller) {
        return switch (caller) {
            case NO_TOKEN -> null;
            case EXPIRED_TOKEN -> expired;
            case FOREIGN_KEY_TOKEN -> foreignKey;
            case ALG_NONE_TOKEN -> algNone;
            case WRONG_AUDIENCE_TOKEN -> wrongAudience;
            default -> throw new IllegalArgumentException(caller + " has a real token");
        };
    }

    private static JWTClaimsSet claims(JWTClaimsSet real, Instant issued, Instant expires) {
        return new JWTClaimsSet.Builder(real)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(expires))
                .build();
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
