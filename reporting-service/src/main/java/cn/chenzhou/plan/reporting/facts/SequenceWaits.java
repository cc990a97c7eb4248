package cn.chenzhou.plan.reporting.facts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final FactsReadModel facts;
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();

    private record Waiter(String aggregate, long atLeast, Answer answer) {
    }

    /** The parked request and how to answer it. */
    private record Answer(DeferredResult<Object> result, LongFunction<?> body) {
        void with(long sequence) {
            result.setResult(body.apply(sequence));
        }
    }

    SequenceWaits(FactsReadModel facts) {
        this.facts = facts;
        facts.onChange(this::changed);
    }

    /**
     * An answer (to return from a controller) made of the sequence applied for {@code aggregate} once it reaches
     * {@code atLeast}, or of whatever it is after {@code wait}.
     */
    @SuppressWarnings("unchecked")
    <T> DeferredResult<T> await(String aggregate, long atLeast, Duration wait, LongFunction<T> body) {
        DeferredResult<Object> result = new DeferredResult<>(wait.toMillis());
        Answer answer = new Answer(result, body);
        long now = sequenceOf(aggregate);
        if (now >= atLeast) {
            answer.with(now);
            return (DeferredResult<T>) (DeferredResult<?>) result;
        }
        Waiter waiter = new Waiter(aggregate, atLeast, answer);
        result.onTimeout(() -> {
            if (waiters.remove(waiter)) {
                answer.with(sequenceOf(aggregate));
            }
        });
        result.onCompletion(() -> waiters.remove(waiter));
        waiters.add(waiter);
        // registered first, then checked again: an event applied in between is seen here or by the next change
        now = sequenceOf(aggregate);
        if (now >= atLeast && waiters.remove(waiter)) {
            answer.with(now);
        }
        return (DeferredResult<T>) (DeferredResult<?>) result;
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
        List<Object[]> due = new ArrayList<>();
        facts.read(book -> {
            for (Waiter w : waiters) {
                long applied = book.sequenceOf(w.aggregate());
                if (applied >= w.atLeast()) {
                    due.add(new Object[]{w, applied});
                }
            }
            return null;
        });
        for (Object[] d : due) {
            Waiter w = (Waiter) d[0];
            if (waiters.remove(w)) {
                w.answer().with((Long) d[1]);
            }
        }
    }
}
