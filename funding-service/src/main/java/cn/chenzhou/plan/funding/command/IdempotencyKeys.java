package cn.chenzhou.plan.funding.command;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.web.ApiException;
import java.util.regex.Pattern;

/**
 * The optional {@code Idempotency-Key} request header of money-moving commands. A client that did not hear the
 * answer to a command (a dropped connection, a crashed instance) sends it again with the same key and gets the
 * first answer back — the money moves once. Keys are scoped to the acting principal.
 */
public final class IdempotencyKeys {
    public static final String HEADER = "Idempotency-Key";
    /** Answer header on a replayed command: {@code true} when nothing new was recorded. */
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    private IdempotencyKeys() {
    }

    /** The stored form of a key: the principal and the client's key; null when the client sent none. */
    public static String scoped(Actor actor, String header) {
        if (header == null) {
            return null;
        }
        if (!FORM.matcher(header).matches()) {
            throw ApiException.invalidField(HEADER, "must be 8 to 100 characters from A-Z a-z 0-9 . _ : - (a UUID will do)");
        }
        return actor.name() + "|" + header;
    }
}
