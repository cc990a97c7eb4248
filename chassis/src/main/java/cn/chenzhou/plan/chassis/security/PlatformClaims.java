package cn.chenzhou.plan.chassis.security;

/** Claims the platform's tokens carry beyond the standard ones. */
public final class PlatformClaims {
    /** JSON array of {@link Role} names. */
    public static final String ROLES = "roles";
    /** GB/T 2260 code of a county portal's county. */
    public static final String COUNTY = "county";

    private PlatformClaims() {
    }
}
