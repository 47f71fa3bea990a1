package meanfield.solvers.parallel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a body over columns 0..n-1 split into one contiguous chunk per worker. Each column is
 * computed by the same code whatever the chunking, so results do not depend on the thread
 * count; the worker index lets a body use scratch memory of its own.
 *
 * <p>The helper threads persist for the pool's life and wait for the next call by spinning for
 * {@value #SPIN_NANOS} ns, then parking; the caller waits for them the same way. Time steppers call
 * the pool thousands of times per second of simulated time with chunks of well under a
 * millisecond, where handing each chunk to an executor and waking a parked thread (tens of
 * microseconds on this project's machine) would eat the gain of a second thread.
 */
public final class ColumnPool implements AutoCloseable {
    /** How long a waiting thread spins before it parks: a few steps' worth of serial work. */
    private static final long SPIN_NANOS = 50_000;

    private final int workers;
    private final Thread[] helpers;
    /** The current call, replaced (never mutated) by each call: workers read it whole. */
    private volatile Job job;
    private volatile boolean closed;
    /** Set during a call that uses the helpers: a second one at the same time would take their job away. */
    private final AtomicBoolean busy = new AtomicBoolean();

    /** One call: what to run, its chunking, the participants still running, the first failure. */
    private record Job(Chunk body, int columns, int chunks, Thread caller, AtomicInteger unfinished,
            AtomicReference<Throwable> failure) {
    }

    public ColumnPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.workers = threads;
        helpers = new Thread[threads - 1];
        for (int w = 1; w < threads; w++) {
            final int worker = w;
            helpers[w - 1] = new Thread(() -> serve(worker), "meanfield-worker-" + w);
            helpers[w - 1].setDaemon(true);
            helpers[w - 1].start();
        }
    }

    public int workers() {
        return workers;
    }

    /** A chunk of columns [from, to) handled by one worker. */
    @FunctionalInterface
    public interface Chunk {
        void run(int worker, int from, int to);
    }

    public void forEachChunk(int columns, Chunk body) {
        if (closed) {
            throw new IllegalStateException("the pool is closed");
        }
        int chunks = Math.min(workers, columns);
        if (chunks <= 1) {
            body.run(0, 0, columns);
            return;
        }
        if (!busy.compareAndSet(false, true)) {
            throw new IllegalStateException("forEachChunk called while another call of the same pool runs"
                    + " (nested, or from two threads)");
        }
        try {
            runJob(new Job(body, columns, chunks, Thread.currentThread(), new AtomicInteger(chunks - 1),
                    new AtomicReference<>()));
        } finally {
            busy.set(false);
        }
    }

    private void runJob(Job current) {
        Chunk body = current.body;
        int chunks = current.chunks;
        int columns = current.columns;
        job = current;
        for (Thread helper : helpers) {
            LockSupport.unpark(helper);
        }
        try {
            body.run(0, 0, start(1, chunks, columns));
        } catch (RuntimeException | Error e) {
            current.failure.compareAndSet(null, e);
        }
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (current.unfinished.get() > 0) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                // The last worker unparks the caller; the timeout only bounds a missed wake-up.
                LockSupport.parkNanos(this, 1_000_000);
            }
        }
        Throwable failure = current.failure.get();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
    }

    /** A helper's life: wait for a call it takes part in, run its chunk, report, repeat until closed. */
    private void serve(int worker) {
        Job done = null;
        while (true) {
            Job next = awaitJobAfter(done);
            if (next == null) {
                return;
            }
            done = next;
            if (worker >= next.chunks) {
                continue;
            }
            try {
                next.body.run(worker, start(worker, next.chunks, next.columns),
                        start(worker + 1, next.chunks, next.columns));
            } catch (RuntimeException | Error e) {
                next.failure.compareAndSet(null, e);
            }
            if (next.unfinished.decrementAndGet() == 0) {
                LockSupport.unpark(next.caller);
            }
        }
    }

    /** The first call other than `done`, or null once the pool is closed. */
    private Job awaitJobAfter(Job done) {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (true) {
            if (closed) {
                return null;
            }
            Job current = job;
            if (current != null && current != done) {
                return current;
            }
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
    }

    private static int start(int chunk, int chunks, int columns) {
        return (int) ((long) chunk * columns / chunks);
    }

    @Override
    public void close() {
        closed = true;
        for (Thread helper : helpers) {
            LockSupport.unpark(helper);
        }
    }
}
