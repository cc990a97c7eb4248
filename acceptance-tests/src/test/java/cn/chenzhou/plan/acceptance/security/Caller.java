package cn.chenzhou.plan.acceptance.security;

/** Who calls, as the authorisation matrix distinguishes them. */
public enum Caller {
    OWN_COUNTY("own county", true),
    OTHER_COUNTY("other county", true),
    FINANCE("finance", true),
    ADMIN("admin", true),
    VIEWER("viewer", true),
    NO_TOKEN("no token", false),
    EXPIRED_TOKEN("expired token", false),
    FOREIGN_KEY_TOKEN("token signed by another key", false),
    ALG_NONE_TOKEN("alg: none token", false),
    WRONG_AUDIENCE_TOKEN("token for another audience", false);

    private final String label;
    private final boolean authentic;

    Caller(String label, boolean authentic) {
        this.label = label;
        this.authentic = authentic;
    }

    public String label() {
        return label;
    }

    /** A county portal: its cells are the ones that differ between counties (own / other). */
    public boolean perCounty() {
        return this == OWN_COUNTY || this == OTHER_COUNTY;
    }

    /** A real principal with a valid token (one of the matrix's role columns). */
    public boolean authentic() {
        return authentic;
    }

    /** The platform client a real principal's token is issued to. */
    public String clientId(String ownCounty, String otherCounty) {
        return switch (this) {
            case OWN_COUNTY -> "county-" + ownCounty;
            case OTHER_COUNTY -> "county-" + otherCounty;
            case FINANCE -> "finance";
            case ADMIN -> "plan-office";
            case VIEWER -> "viewer";
            default -> throw new IllegalStateException(label + " has no client");
        };
    }
}
