package cn.chenzhou.plan.contracts;

/**
 * The problem types of the platform's RFC 9457 answers are URNs under one prefix: {@code PREFIX + "invalid-input"}.
 * The services, the gateway and the SDK all name them this way.
 */
public final class ProblemTypes {
    public static final String PREFIX = "urn:cn.chenzhou.plan:problem:";

    private ProblemTypes() {
    }
}
