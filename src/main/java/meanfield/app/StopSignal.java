package meanfield.app;

import java.util.function.IntSupplier;

/**
 * SIGTERM and Ctrl-C (SIGINT) during a solve or simulate. Both start the JVM's shutdown, which runs
 * the hook installed here: it raises the flag that the runs' progress callbacks check after every
 * step ({@link Progress} then throws {@link RunStopped}), waits until every run in progress has
 * written what it reached, and ends the process with status 130. One hook for the process, so that
 * several runs in one JVM (a sweep's pool) all close their files before it ends. A shutdown hook
 * rather than a signal handler: it needs no JDK-internal API and covers both signals alike. With no
 * run in progress the hook returns at once and the JVM ends as it would have.
 */
final class StopSignal {
    /** A run writes its files in well under this after the signal; past it the process ends anyway. */
    private static final long GRACE_MILLIS = 60_000;
    private static final Object LOCK = new Object();
    private static volatile boolean requested;
    /** Runs in progress; guarded by LOCK. */
    private static int active;
    private static boolean installed;

    private StopSignal() {
    }

    /** Whether a stop was asked for: the progress callbacks poll it. */
    static boolean requested() {
        return requested;
    }

    /** Runs {@code run} as a run the hook waits for; returns its status. */
    static int during(IntSupplier run) {
        synchronized (LOCK) {
            if (!installed) {
                Runtime.getRuntime().addShutdownHook(new Thread(StopSignal::stopAndWait, "meanfield-stop"));
                installed = true;
            }
            active++;
        }
        try {
            return run.getAsInt();
        } finally {
            synchronized (LOCK) {
                active--;
                LOCK.notifyAll();
            }
        }
    }

    private static void stopAndWait() {
        boolean running;
        synchronized (LOCK) {
            requested = true;
            running = active > 0;
            long deadline = System.currentTimeMillis() + GRACE_MILLIS;
            try {
                for (long left = GRACE_MILLIS; active > 0 && left > 0; left = deadline - System.currentTimeMillis()) {
                    LOCK.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (running) {
            // halt, not exit: the JVM is already shutting down, and exit would block for ever here.
            Runtime.getRuntime().halt(Main.INTERRUPTED);
        }
    }
}
