package cn.chenzhou.plan.registry.model;

/**
 * The natural key under which a registration is unique while it is in force (for example a platform: host credit
 * code, type and level). It is stored with the registration so that the database refuses a duplicate atomically,
 * however many requests race. A revoked registration gives its key up, so the organisation may register anew.
 */
public final class RegistrationKeys {
    private RegistrationKeys() {
    }

    public static String of(String kind, Object... parts) {
        StringBuilder key = new StringBuilder(kind);
        for (Object part : parts) {
            key.append('|').append(part);
        }
        return key.toString();
    }

    /** The key of a registration that is no longer in force: unique to it, so it never blocks another. */
    public static String retired(String id) {
        return "retired|" + id;
    }
}
