package meanfield.app.sweep;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a shard's tasks on a pool of worker threads, one task per worker at a time and each task on
 * one thread, skipping the tasks already done.
 */
final class LocalEngine {
    /** What a run of the engine did: tasks of the shard skipped as done, run to done, failed. */
    record Outcome(int skipped, int done, List<String> failed) {
    }

    private final TaskRunner runner;
    private final int threads;

    LocalEngine(TaskRunner runner, int threads) {
        this.runner = runner;
        this.threads = threads;
    }

    Outcome run(List<SweepTask> tasks, Shard shard, PrintWriter out) {
        List<SweepTask> todo = new ArrayList<>();
        int skipped = 0;
        for (SweepTask t : tasks) {
            if (!shard.contains(t.index())) {
                continue;
            }
            if (runner.directory(t).status() == TaskStatus.DONE) {
                skipped++;
            } else {
                todo.add(t);
            }
        }
        out.printf("sweep: %d task(s) in this shard, %d already done, %d to run on %d worker(s)%n",
                todo.size() + skipped, skipped, todo.size(), threads);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, Math.max(1, todo.size()))));
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (SweepTask t : todo) {
                futures.add(pool.submit(() -> runner.run(t)));
            }
            int done = 0;
            List<String> failed = new ArrayList<>();
            for (int i = 0; i < todo.size(); i++) {
                boolean ok = get(futures.get(i));
                if (ok) {
                    done++;
                } else {
                    failed.add(todo.get(i).name());
                }
                out.printf("sweep: %s %s%n", ok ? "done  " : "FAILED", todo.get(i).name());
            }
            return new Outcome(skipped, done, failed);
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean get(Future<Boolean> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a task", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a task's runner failed: " + e.getCause(), e.getCause());
        }
    }
}
