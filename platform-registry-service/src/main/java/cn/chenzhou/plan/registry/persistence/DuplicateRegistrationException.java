package cn.chenzhou.plan.registry.persistence;

/**
 * A registration collided with one already in force under the same natural key (or the same id): nothing was
 * stored, no event was queued. Carries the id of the registration that is there, so the client can use it.
 */
public class DuplicateRegistrationException extends RuntimeException {
    private final String resource;
    private final String existingId;

    public DuplicateRegistrationException(String resource, String existingId, String detail) {
        super(detail);
        this.resource = resource;
        this.existingId = existingId;
    }

    /** What kind of registration, e.g. {@code platform}. */
    public String resource() {
        return resource;
    }

    /** The id of the registration already in force; null if it could not be found again (it was just revoked). */
    public String existingId() {
        return existingId;
    }
}
