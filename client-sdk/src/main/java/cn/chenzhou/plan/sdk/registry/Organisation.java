package cn.chenzhou.plan.sdk.registry;

/**
 * An organisation the registry names — a platform's host, a designation's holder, an alliance member — with its
 * unified social credit code where it has one (a county or a zone as holder may have none).
 */
public record Organisation(String name, String creditCode) {
    public static Organisation named(String name) {
        return new Organisation(name, null);
    }
}
