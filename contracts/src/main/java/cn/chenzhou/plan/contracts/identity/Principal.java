package cn.chenzhou.plan.contracts.identity;

import java.util.List;

/**
 * A principal the platform's authorization server knows: an OAuth2 client (machine) or a staff user (browser).
 *
 * @param name   client id or user name; the token's subject and the "actor" of every change it makes
 * @param roles  role names carried in the token's {@code roles} claim (ADMIN, FINANCE, COUNTY, VIEWER)
 * @param county GB/T 2260 code for a county principal, else null
 */
public record Principal(String name, List<String> roles, String county, Kind kind) {

    public enum Kind {
        /** client-credentials client: a county portal, the finance section's systems, … */
        CLIENT,
        /** a person signing in through the browser (authorization code + PKCE) */
        USER
    }

    /** The key of this principal's secret in the platform secrets file. */
    public String secretKey() {
        return (kind == Kind.CLIENT ? "client." : "user.") + name + (kind == Kind.CLIENT ? ".secret" : ".password");
    }
}
