package cn.chenzhou.plan.chassis.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Tokens for tests, signed by a key the services under test trust (see {@link TestInfrastructure}), plus the
 * bad ones an attacker would try: expired, signed by another key, unsigned ({@code alg: none}).
 */
public final class TestTokens {
    public static final String ISSUER = "http://test-issuer.local";
    public static final String AUDIENCE = "chenzhou-plan";
    private static final KeyPair TRUSTED = rsa();
    private static final KeyPair FOREIGN = rsa();
    private static final Path PUBLIC_KEY_FILE = writePublicKey();

    private TestTokens() {
    }

    public static String county(String code) {
        return token("county-" + code, List.of("COUNTY"), code, Duration.ofMinutes(10), TRUSTED);
    }

    public static String finance() {
        return token("finance-officer", List.of("FINANCE"), null, Duration.ofMinutes(10), TRUSTED);
    }

    public static String admin() {
        return token("plan-office", List.of("ADMIN"), null, Duration.ofMinutes(10), TRUSTED);
    }

    public static String viewer() {
        return token("viewer", List.of("VIEWER"), null, Duration.ofMinutes(10), TRUSTED);
    }

    /** A valid token for any subject and role, e.g. to act as many distinct clients. */
    public static String forSubject(String subject, String role, String county) {
        return token(subject, List.of(role), county, Duration.ofMinutes(10), TRUSTED);
    }

    public static String expired() {
        return token("plan-office", List.of("ADMIN"), null, Duration.ofMinutes(-10), TRUSTED);
    }

    /**
     * A token that expired {@code ago}: refused however recently, past the allowed clock skew (10 s) — with Spring's
     * default of 60 s, one that expired 30 s ago was still taken.
     */
    public static String expiredAgo(Duration ago) {
        return token("plan-office", List.of("ADMIN"), null, ago.negated(), TRUSTED);
    }

    public static String signedByAnotherKey() {
        return token("plan-office", List.of("ADMIN"), null, Duration.ofMinutes(10), FOREIGN);
    }

    public static String unsigned() {
        return new PlainJWT(claims("plan-office", List.of("ADMIN"), null, Duration.ofMinutes(10))).serialize();
    }

    public static String token(String subject, List<String> roles, String county, Duration validFor, KeyPair keys) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test")
                    .type(JOSEObjectType.JWT).build(), claims(subject, roles, county, validFor));
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(String subject, List<String> roles, String county, Duration validFor) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .audience(AUDIENCE)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now.minusSeconds(validFor.isNegative() ? 7200 : 0)))
                .notBeforeTime(Date.from(now.minusSeconds(validFor.isNegative() ? 7200 : 5)))
                .expirationTime(Date.from(now.plus(validFor)))
                .claim("roles", roles);
        if (county != null) {
            claims.claim("county", county);
        }
        return claims.build();
    }

    /** A {@code file:} location of the trusted public key, PEM. */
    public static String publicKeyLocation() {
        return PUBLIC_KEY_FILE.toUri().toString();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey() {
        try {
            Path file = Files.createTempFile("test-issuer", ".pem");
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(TRUSTED.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
