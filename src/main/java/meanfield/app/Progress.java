package meanfield.app;

import java.util.function.DoubleConsumer;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr over the simulated time, or nothing with --quiet; it is also where a
 * run notices a stop asked for by a signal ({@link StopSignal}), since it is called after every step.
 */
final class Progress implements DoubleConsumer, AutoCloseable {
    private static final int TICKS = 1000;
    private final ProgressBar bar;

    private final double end;

    Progress(String task, double end, boolean quiet) {
        this.end = end;
        this.bar = quiet ? null : new ProgressBarBuilder().setTaskName(task).setInitialMax(TICKS)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    /** Reports the fraction of the horizon reached. */
    @Override
    public void accept(double fraction) {
        if (StopSignal.requested()) {
            throw new RunStopped(fraction * end);
        }
        if (bar != null) {
            bar.stepTo(Math.round(fraction * TICKS));
            bar.setExtraMessage(String.format(java.util.Locale.ROOT, "t = %.4g of %.4g", fraction * end, end));
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
