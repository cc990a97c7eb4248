package cn.chenzhou.plan.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The authorization server of the embedded stack: signed JWTs for the county portals and the finance section
 * (client credentials), and browser sign-in for staff (authorization code + PKCE, through the gateway).
 * A deployment may use any OIDC issuer instead: the services only need its issuer URI and key set.
 */
@SpringBootApplication
public class AuthServerApplication {
    public static void main(String[] args) {
        SpringApplication.run(AuthServerApplication.class, args);
    }
}
