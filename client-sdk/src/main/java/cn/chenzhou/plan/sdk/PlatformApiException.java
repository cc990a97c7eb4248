package cn.chenzhou.plan.sdk;

/**
 * The platform refused or could not complete a call; {@link #problem()} carries its problem+json details.
 * Subclasses name the cases a caller usually handles differently.
 */
public class PlatformApiException extends RuntimeException {
    private final transient Problem problem;

    public PlatformApiException(Problem problem) {
        super(problem.status() + " " + problem.shortType() + ": " + problem.detail()
                + (problem.requestId() == null ? "" : " (request " + problem.requestId() + ")"));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    /** The short problem type, e.g. {@code over-budget}, {@code stale-version}, {@code duplicate-registration}. */
    public String type() {
        return problem.shortType();
    }

    static PlatformApiException of(Problem problem) {
        return switch (problem.status()) {
            case 400, 413, 415, 422 -> new InvalidInput(problem);
            case 401 -> new Unauthenticated(problem);
            case 403 -> new Forbidden(problem);
            case 404 -> new NotFound(problem);
            case 409 -> new Conflict(problem);
            case 429 -> new RateLimited(problem);
            case 502, 503, 504 -> new Unavailable(problem);
            default -> new PlatformApiException(problem);
        };
    }

    /** 4xx: the request itself is wrong; {@code problem().errors()} names the fields. Retrying will not help. */
    public static final class InvalidInput extends PlatformApiException {
        InvalidInput(Problem p) {
            super(p);
        }
    }

    /** The credentials were refused, or the token no longer accepted even after the SDK fetched a new one. */
    public static final class Unauthenticated extends PlatformApiException {
        Unauthenticated(Problem p) {
            super(p);
        }
    }

    /** This principal may not do that (e.g. a county portal writing for another county, anyone but finance moving money). */
    public static final class Forbidden extends PlatformApiException {
        Forbidden(Problem p) {
            super(p);
        }
    }

    /** No such resource — or, for a county portal, another county's resource. */
    public static final class NotFound extends PlatformApiException {
        NotFound(Problem p) {
            super(p);
        }
    }

    /** A rule of the domain refused the command (an illegal transition, an over-budget allocation, a duplicate…). */
    public static final class Conflict extends PlatformApiException {
        Conflict(Problem p) {
            super(p);
        }
    }

    /** Still rate-limited after the SDK waited as long as it was told to. */
    public static final class RateLimited extends PlatformApiException {
        RateLimited(Problem p) {
            super(p);
        }
    }

    /** The service (or the SDK's own circuit breaker for it) says it is unavailable; try again later. */
    public static final class Unavailable extends PlatformApiException {
        Unavailable(Problem p) {
            super(p);
        }
    }
}
