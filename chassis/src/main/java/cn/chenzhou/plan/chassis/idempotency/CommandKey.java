package cn.chenzhou.plan.chassis.idempotency;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The idempotency key of the command being handled on this thread, if the client sent one. Aggregate writes record
 * it in the document they change (in the same atomic update), so a command retried after a crash is recognised by
 * the aggregate itself and never applied twice.
 */
public final class CommandKey {
    private static final ThreadLocal<Command> CURRENT = new ThreadLocal<>();

    /** @param retry whether an earlier attempt with this key may have written (see {@link #mayHaveBeenApplied}) */
    private record Command(String key, Set<String> written, boolean retry) {
    }

    private CommandKey() {
    }

    public static Optional<String> current() {
        Command command = CURRENT.get();
        return command == null ? Optional.empty() : Optional.of(command.key());
    }

    /**
     * Whether the current command (if any) has not yet successfully written this aggregate. A command may write one
     * aggregate more than once; only its first successful write must find the aggregate without its key.
     */
    public static boolean isFirstWriteOf(String aggregate) {
        Command command = CURRENT.get();
        return command != null && !command.written().contains(aggregate);
    }

    /**
     * Whether an earlier attempt of the current command may already have written an aggregate: true when the command
     * is a retry of one that never finished or failed, false for a key seen for the first time — which
     * spares a new aggregate the search for its key among all the others.
     */
    public static boolean mayHaveBeenApplied() {
        Command command = CURRENT.get();
        return command != null && command.retry();
    }

    /** The ids of the aggregates of one collection the current command has written so far. */
    public static Set<String> writtenIn(String collection) {
        Command command = CURRENT.get();
        Set<String> ids = new HashSet<>();
        if (command != null) {
            for (String aggregate : command.written()) {
                if (aggregate.startsWith(collection + "/")) {
                    ids.add(aggregate.substring(collection.length() + 1));
                }
            }
        }
        return ids;
    }

    /** Notes a successful write of the aggregate by the current command. */
    public static void wrote(String aggregate) {
        Command command = CURRENT.get();
        if (command != null) {
            command.written().add(aggregate);
        }
    }

    static void set(String key, boolean retry) {
        CURRENT.set(new Command(key, new HashSet<>(), retry));
    }

    static void clear() {
        CURRENT.remove();
    }

    /**
     * Runs {@code work} as the command with this key: for tests and for commands started outside a request. It counts
     * as a retry (an earlier attempt may have written), the safe assumption without a claim to say otherwise.
     */
    public static void runAs(String key, Runnable work) {
        Command previous = CURRENT.get();
        set(key, true);
        try {
            work.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
