package cn.chenzhou.plan.funding.command.model;

import java.util.Objects;

/**
 * What a domain operation did: the aggregate after it, the item it produced (an allocation, a disbursement, …)
 * and whether anything changed — an idempotent replay of an earlier command changes nothing and answers with
 * the item the first command produced.
 */
public record Outcome<A, T>(A after, T result, boolean changed) {
    public Outcome {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(result, "result");
    }

    public static <A, T> Outcome<A, T> changed(A after, T result) {
        return new Outcome<>(after, result, true);
    }

    public static <A, T> Outcome<A, T> replayed(A unchanged, T earlierResult) {
        return new Outcome<>(unchanged, earlierResult, false);
    }
}
