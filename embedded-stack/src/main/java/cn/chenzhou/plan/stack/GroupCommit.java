package cn.chenzhou.plan.stack;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of an MVStore file: an answer that shows a change is released only once the change is on disk.
 *
 * <p>Every operation runs under a shared lock and ends with the {@link Mark} of what it may have seen or done; its
 * reply waits until a commit has stored and {@code fsync}ed everything up to that mark. One committer thread commits
 * whenever a reply waits: it takes the lock exclusively only for the moment the MVStore writes its chunk — so a commit
 * never stores half of an operation (a document without its index entry) — then syncs the file while operations carry
 * on, and releases every reply the commit covers. The writes that arrive during one {@code fsync} go to disk together
 * in the next, so a slow disk costs latency, not throughput.
 *
 * <p>If a commit fails (the disk is full, the file cannot be written), every reply still waiting is refused, the store
 * is {@link Listener#failed handed back} to be reopened from its last good commit, and marks taken before that are
 * never released: a change whose write was not acknowledged is the most a failure can leave behind.
 */
final class GroupCommit implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    /** Changes with no reply waiting (none in practice: every write answers) are stored at least this often. */
    private static final long IDLE_COMMIT_MS = 1000;
    /** How often to rewrite sparse chunks, so that a file written in many small commits does not keep growing. */
    private static final long COMPACT_EVERY_MS = 5_000;

    /** What a reply may reveal: changes of this store up to {@code version}; {@code epoch} counts reopenings. */
    record Mark(long epoch, long version) {
    }

    /** Told when the store failed and must be reopened; the group commit refuses everything until {@link #reopened}. */
    interface Listener {
        void failed(RuntimeException cause);
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Listener listener;
    private final Thread committer;
    private volatile MVStore store;
    private volatile boolean running = true;
    /** Replaced (under this) as a whole, so that the operations' path reads a consistent triple without a lock. */
    private volatile State state = new State(0, Long.MIN_VALUE, true);
    // guarded by this
    private final List<Waiter> waiters = new ArrayList<>();
    private long commits;
    private long committedReplies;
    private long writeNanos;
    private long syncNanos;

    private record Waiter(Mark mark, Consumer<Boolean> then) {
    }

    /** Which store is in service ({@code epoch}), how far it is on disk, and whether it failed. */
    private record State(long epoch, long durable, boolean broken) {
        boolean covers(Mark mark) {
            return !broken && mark.epoch() == epoch && mark.version() <= durable;
        }
    }

    GroupCommit(MVStore store, Listener listener) {
        this.listener = listener;
        this.committer = new Thread(this::commitWhileRunning, "mongo-group-commit");
        this.committer.setDaemon(true);
        open(store);
        committer.start();
    }

    /** Runs one operation of the wire server; commits wait until no operation is half done. */
    <T> T operate(Supplier<T> operation) {
        lock.readLock().lock();
        try {
            return operation.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code change} (swapping the store's backend, closing it) with no operation under way. */
    void exclusively(Runnable change) {
        lock.writeLock().lock();
        try {
            change.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The mark of everything the store holds now, committed or not. Call it inside {@link #operate} after the
     * operation: its own changes are then in the store's current version.
     */
    Mark everything() {
        MVStore s = store;
        long version = s.getCurrentVersion();
        return new Mark(state.epoch(), s.hasUnsavedChanges() ? version : version - 1);
    }

    /** The mark of a change made now (in the store's current version). */
    Mark changeNow() {
        return new Mark(state.epoch(), store.getCurrentVersion());
    }

    /** The mark of a change made in {@code version} of the store in service. */
    Mark changedAt(long version) {
        return new Mark(state.epoch(), version);
    }

    /** A mark that any state satisfies: the reply reveals nothing stored (a handshake, a ping). */
    Mark nothing() {
        return new Mark(state.epoch(), Long.MIN_VALUE);
    }

    boolean isDurable(Mark mark) {
        return state.covers(mark);
    }

    /**
     * Calls {@code then} with {@code true} once everything up to {@code mark} is on disk, or with {@code false} if it
     * never will be (the store failed first). Called on the committer's thread, or at once if the answer is known.
     */
    void whenDurable(Mark mark, Consumer<Boolean> then) {
        Boolean known;
        synchronized (this) {
            State now = state;
            if (mark.epoch() != now.epoch() || now.broken()) {
                known = false;
            } else if (now.covers(mark)) {
                known = true;
            } else {
                waiters.add(new Waiter(mark, then));
                notifyAll();
                return;
            }
        }
        then.accept(known);
    }

    /** Puts a freshly opened store in service: everything in it is durable, marks of the failed one never will be. */
    void reopened(MVStore fresh) {
        open(fresh);
    }

    private void open(MVStore fresh) {
        // what a restart read may still be only in the page cache (the last process was killed): make it durable
        fresh.sync();
        synchronized (this) {
            store = fresh;
            // what it holds was stored before its current version; changes from now on land in the current one
            state = new State(state.epoch() + 1, fresh.getCurrentVersion() - 1, false);
        }
    }

    /** Commits and syncs what is left, then stops the committer. The caller closes the store. */
    @Override
    public void close() {
        // not an interrupt: one that lands in a write or an fsync closes the file channel, and MVStore the store
        synchronized (this) {
            running = false;
            notifyAll();
        }
        try {
            committer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!state.broken()) {
            commitOnce();
        }
    }

    synchronized String statistics() {
        return String.format("%d commits released %d waiting replies; per commit %.2f ms writing, %.2f ms syncing",
                commits, committedReplies, commits == 0 ? 0 : writeNanos / 1e6 / commits,
                commits == 0 ? 0 : syncNanos / 1e6 / commits);
    }

    private void commitWhileRunning() {
        long lastCompaction = System.nanoTime();
        while (running) {
            try {
                boolean asked;
                synchronized (this) {
                    if (waiters.isEmpty() || state.broken()) {
                        wait(IDLE_COMMIT_MS);
                    }
                    if (!running || state.broken()) {
                        continue;
                    }
                    asked = !waiters.isEmpty();
                }
                if (asked || store.hasUnsavedChanges()) {
                    commitOnce();
                }
                if (System.nanoTime() - lastCompaction > TimeUnit.MILLISECONDS.toNanos(COMPACT_EVERY_MS)) {
                    lastCompaction = System.nanoTime();
                    compact();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One commit: the chunk written under the exclusive lock, synced outside it, the replies it covers released. */
    private void commitOnce() {
        MVStore s = store;
        long through;
        long epochOfCommit;
        long started = System.nanoTime();
        long written;
        try {
            lock.writeLock().lock();
            try {
                epochOfCommit = state.epoch();
                through = s.getCurrentVersion();
                s.commit();
            } finally {
                lock.writeLock().unlock();
            }
            written = System.nanoTime();
            s.sync();
        } catch (RuntimeException e) {
            fail(s, e);
            return;
        }
        List<Waiter> released = new ArrayList<>();
        synchronized (this) {
            State now = state;
            if (epochOfCommit != now.epoch() || now.broken()) {
                return;
            }
            state = new State(now.epoch(), Math.max(now.durable(), through), false);
            commits++;
            writeNanos += written - started;
            syncNanos += System.nanoTime() - written;
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                Waiter w = it.next();
                if (state.covers(w.mark())) {
                    released.add(w);
                    it.remove();
                }
            }
            committedReplies += released.size();
        }
        released.forEach(w -> w.then().accept(true));
    }

    /** Rewrites chunks that are mostly garbage into fresh ones (as MVStore's own background writer would). */
    private void compact() {
        try {
            lock.writeLock().lock();
            try {
                store.compact(50, 4 * 1024 * 1024);
            } finally {
                lock.writeLock().unlock();
            }
        } catch (RuntimeException e) {
            fail(store, e);
        }
    }

    private void fail(MVStore failed, RuntimeException cause) {
        List<Waiter> refused;
        synchronized (this) {
            if (failed != store || state.broken()) {
                return;
            }
            state = new State(state.epoch(), state.durable(), true);
            refused = List.copyOf(waiters);
            waiters.clear();
        }
        log.error("the store could not be committed; {} waiting replies are refused and the store is reopened from its"
                + " last commit", refused.size(), cause);
        refused.forEach(w -> w.then().accept(false));
        listener.failed(cause);
    }
}
