package cn.chenzhou.plan.reporting.facts;

import cn.chenzhou.plan.reporting.facts.model.FactBook;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The fact book every report reads, guarded for one writer (the event pipeline) and many readers (requests, the live
 * evaluation). A rebuild builds a new book on the side and swaps it in whole, so a reader never sees half a history.
 */
@Component
public class FactsReadModel {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private FactBook book = new FactBook();
    private volatile long changes;
    private volatile boolean live;

    /** Computes something from the facts as they stand. */
    public <T> T read(Function<FactBook, T> query) {
        lock.readLock().lock();
        try {
            return query.apply(book);
        } finally {
            lock.readLock().unlock();
        }
    }

    void write(Consumer<FactBook> change) {
        lock.writeLock().lock();
        try {
            change.accept(book);
        } finally {
            lock.writeLock().unlock();
        }
    }

    void replace(FactBook rebuilt) {
        lock.writeLock().lock();
        try {
            book = rebuilt;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Called (on the pipeline's thread) after facts changed; keep it short. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    void changed() {
        changes++;
        listeners.forEach(Runnable::run);
    }

    /** How many times the facts changed since start: a cheap version stamp for caches. */
    public long version() {
        return changes;
    }

    /** True once the pipeline has read everything published before it started, and is not rebuilding. */
    public boolean isLive() {
        return live;
    }

    void live(boolean isLive) {
        live = isLive;
    }
}
