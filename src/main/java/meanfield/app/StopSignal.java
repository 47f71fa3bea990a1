package meanfield.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * SIGTERM and Ctrl-C (SIGINT) during a solve or simulate. Both start the JVM's shutdown, which runs
 * the hook installed here: it raises the flag that the run's progress callback checks after every
 * step ({@link Progress} then throws {@link RunStopped}), waits until the run has written what it
 * reached and returned its status, and ends the process with that status (130). A shutdown hook
 * rather than a signal handler: it needs no JDK-internal API and covers both signals alike. Outside
 * a run no hook is installed, so an ordinary exit is not delayed.
 */
final class StopSignal {
    /** A run writes its files in well under this after the signal; past it the process ends anyway. */
    private static final long GRACE_SECONDS = 60;
    private static volatile boolean requested;

    private StopSignal() {
    }

    /** Whether a stop was asked for: the progress callbacks poll it. */
    static boolean requested() {
        return requested;
    }

    /** Runs {@code run} with the hook installed; returns its status. */
    static int during(IntSupplier run) {
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger status = new AtomicInteger(Main.INTERRUPTED);
        Thread hook = new Thread(() -> {
            requested = true;
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // halt, not exit: the JVM is already shutting down, and exit would block for ever here.
            Runtime.getRuntime().halt(status.get());
        }, "meanfield-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            int result = run.getAsInt();
            status.set(result);
            return result;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it ends the process with the status just set.
            }
        }
    }
}
