package cn.chenzhou.plan.funding.command.model;

import java.time.Instant;
import java.util.Objects;

/**
 * How a change was recorded: when (the moment it was stored, not its effective date), by whom, and under which
 * idempotency key, so that a client who retries a command it never heard the answer to gets the first answer
 * again instead of moving the money twice.
 *
 * @param at         when the change was recorded
 * @param by         the acting principal
 * @param requestKey the client's idempotency key, scoped to {@code by}; null when the client sent none
 */
public record Recording(Instant at, String by, String requestKey) {
    public Recording {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
    }

    /** The same recording without its key: for a change a command made on behalf of another (an approval's revision). */
    public Recording withoutKey() {
        return new Recording(at, by, null);
    }

    /** True if this recording was made under the given (non-null) key. */
    public boolean hasKey(String key) {
        return key != null && key.equals(requestKey);
    }
}
