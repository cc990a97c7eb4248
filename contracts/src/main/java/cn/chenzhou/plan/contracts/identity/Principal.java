package cn.chenzhou.plan.contracts.identity;

import java.util.List;

/**
 * A principal the platform's authorization server knows: an OAuth2 client (machine) or a staff user (browser).
 *
 * @param name   client id or user name, unique within its kind (a client and a user may share one: {@code finance})
 * @param roles  role names carried in the token's {@code roles} claim (ADMIN, FINANCE, COUNTY, VIEWER)
 * @param county GB/T 2260 code for a county principal, else null
 */
public record Principal(String name, List<String> roles, String county, Kind kind) {
    /** What starts the subject of a user's tokens; no client id contains it. */
    public static final String USER_SUBJECT_PREFIX = "user:";

    public Principal {
        if (kind == Kind.CLIENT && name.contains(":")) {
            throw new IllegalArgumentException("a client id may not contain ':' (" + name + "): subjects must stay distinct");
        }
    }

    /**
     * The subject ({@code sub}) of this principal's tokens, distinct for every principal of either kind: a client's
     * id ({@code finance}), a user's name after {@value #USER_SUBJECT_PREFIX} ({@code user:finance}). It is the actor
     * recorded on every change, the key of its rate limit at the gateway and of its idempotency keys.
     */
    public String subject() {
        return kind == Kind.CLIENT ? name : USER_SUBJECT_PREFIX + name;
    }

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
