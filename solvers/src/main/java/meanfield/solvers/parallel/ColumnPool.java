package meanfield.solvers.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a body over columns 0..n-1 split into one contiguous chunk per worker. Each column is
 * computed by the same code whatever the chunking, so results do not depend on the thread
 * count; the worker index lets a body use scratch memory of its own.
 */
public final class ColumnPool implements AutoCloseable {
    private final int workers;
    private final ExecutorService executor;

    public ColumnPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.workers = threads;
        this.executor = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread thread = new Thread(r, "meanfield-worker");
            thread.setDaemon(true);
            return thread;
        });
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
        int chunks = Math.min(workers, columns);
        if (chunks <= 1) {
            body.run(0, 0, columns);
            return;
        }
        List<Future<?>> pending = new ArrayList<>(chunks - 1);
        for (int c = 1; c < chunks; c++) {
            final int worker = c;
            pending.add(executor.submit(() -> body.run(worker, start(worker, chunks, columns),
                    start(worker + 1, chunks, columns))));
        }
        body.run(0, 0, start(1, chunks, columns));
        for (Future<?> future : pending) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    private static int start(int chunk, int chunks, int columns) {
        return (int) ((long) chunk * columns / chunks);
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
