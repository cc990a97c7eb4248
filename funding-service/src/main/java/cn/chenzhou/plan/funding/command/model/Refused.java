package cn.chenzhou.plan.funding.command.model;

/** Thrown by a domain operation that refuses: nothing was changed, the refusal says why. */
public final class Refused extends RuntimeException {
    private final Refusal refusal;

    public Refused(Refusal refusal) {
        super(refusal.detail(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
