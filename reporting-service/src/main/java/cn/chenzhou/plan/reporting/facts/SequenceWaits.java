package cn.chenzhou.plan.reporting.facts;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Answers "tell me when this aggregate's event n has been applied" without polling: a waiting request is parked (no
 * thread held) and answered as soon as the pipeline applies the event, or when its wait runs out — with the sequence
 * applied by then either way. A client that has just written can thus read its own write in reporting, and the
 * benchmark measures freshness exactly, with one request per command.
 */
@Component
class SequenceWaits {
    /**
     * The longest a caller may ask to wait: half the gateway's 20 s limit for a service's answer, so that a wait is
     * always answered (with the sequence applied by then) before the gateway would give up on reporting and count a
     * caller's own patience as the service failing. A caller wanting longer asks again.
     */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private final FactsReadModel facts;
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();

    /** A parked request: the sequence it waits for on one aggregate, and how to answer it with a sequence. */
    private record Waiter(String aggregate, long atLeast, LongConsumer answer) {
    }

    SequenceWaits(FactsReadModel facts) {
        this.facts = facts;
        facts.onChange(this::changed);
    }

    /**
     * An answer (to return from a controller) made of the sequence applied for {@code aggregate} once it reaches
     * {@code atLeast}, or of whatever it is after {@code wait}.
     */
    <T> DeferredResult<T> await(String aggregate, long atLeast, Duration wait, LongFunction<T> body) {
        DeferredResult<T> result = new DeferredResult<>(wait.toMillis());
        LongConsumer answer = sequence -> result.setResult(body.apply(sequence));
        long now = sequenceOf(aggregate);
        if (now >= atLeast) {
            answer.accept(now);
            return result;
        }
        Waiter waiter = new Waiter(aggregate, atLeast, answer);
        result.onTimeout(() -> {
            if (waiters.remove(waiter)) {
                answer.accept(sequenceOf(aggregate));
            }
        });
        result.onCompletion(() -> waiters.remove(waiter));
        waiters.add(waiter);
        // registered first, then checked again: an event applied in between is seen here or by the next change
        now = sequenceOf(aggregate);
        if (now >= atLeast && waiters.remove(waiter)) {
            answer.accept(now);
        }
        return result;
    }

    int waiting() {
        return waiters.size();
    }

    private long sequenceOf(String aggregate) {
        return facts.read(book -> book.sequenceOf(aggregate));
    }

    /** On the pipeline's thread after a batch was applied: answers every waiter whose event is now in. */
    private void changed() {
        if (waiters.isEmpty()) {
            return;
        }
        Map<Waiter, Long> due = new HashMap<>();
        facts.read(book -> {
            for (Waiter w : waiters) {
                long applied = book.sequenceOf(w.aggregate());
                if (applied >= w.atLeast()) {
                    due.put(w, applied);
                }
            }
            return null;
        });
        due.forEach((w, applied) -> {
            if (waiters.remove(w)) {
                w.answer().accept(applied);
            }
        });
    }
}
