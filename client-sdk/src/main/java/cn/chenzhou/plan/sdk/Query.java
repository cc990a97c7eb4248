package cn.chenzhou.plan.sdk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** A query string built from optional parameters: absent (null) ones are left out, values are URL-encoded. */
public final class Query {
    private final StringJoiner parts = new StringJoiner("&", "?", "");
    private boolean empty = true;

    private Query() {
    }

    public static Query of() {
        return new Query();
    }

    public Query with(String name, Object value) {
        if (value != null) {
            parts.add(name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
            empty = false;
        }
        return this;
    }

    public Query page(int page, int size) {
        return with("page", page).with("size", size);
    }

    /** {@code path} with this query appended. */
    public String on(String path) {
        return empty ? path : path + parts;
    }
}
