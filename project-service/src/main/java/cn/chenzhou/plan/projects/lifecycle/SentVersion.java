package cn.chenzhou.plan.projects.lifecycle;

import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.chassis.web.ApiException;

/** A change is decided on the version the caller read: if it moved on since, the caller reloads and decides again. */
public final class SentVersion {
    private SentVersion() {
    }

    /**
     * @return {@code loaded}, if it is at the version the caller sent
     * @throws ApiException 409 {@code stale-version}, with the current and the sent version, if it is not
     */
    public static <T> Versioned<T> require(Versioned<T> loaded, long sent, String what) {
        if (loaded.version() != sent) {
            throw ApiException.conflict("stale-version", what + " " + loaded.id() + " is at version " + loaded.version()
                            + ", not " + sent + ": someone changed it since you read it; reload it and decide again")
                    .with("currentVersion", loaded.version()).with("sentVersion", sent);
        }
        return loaded;
    }
}
