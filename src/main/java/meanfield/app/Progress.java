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

    private final double start;
    private final double end;
    private final String variable;

    Progress(String task, double end, boolean quiet) {
        this(task, 0, end, quiet, "t");
    }

    /** Over another variable than time (a continuation's parameter), from {@code start} to {@code end}. */
    Progress(String task, double start, double end, boolean quiet, String variable) {
        this.start = start;
        this.end = end;
        this.variable = variable;
        this.bar = quiet ? null : new ProgressBarBuilder().setTaskName(task).setInitialMax(TICKS)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    /** Reports the fraction of the horizon reached. */
    @Override
    public void accept(double fraction) {
        if (StopSignal.requested()) {
            throw new RunStopped(start + fraction * (end - start));
        }
        if (bar != null) {
            bar.stepTo(Math.round(fraction * TICKS));
            bar.setExtraMessage(String.format(java.util.Locale.ROOT, "%s = %.4g of %.4g", variable, start + fraction * (end - start), end));
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
