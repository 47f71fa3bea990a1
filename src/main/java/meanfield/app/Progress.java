package meanfield.app;

import java.util.function.DoubleConsumer;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr over a fraction in [0, 1], or nothing with --quiet. */
final class Progress implements DoubleConsumer, AutoCloseable {
    private static final int TICKS = 1000;
    private final ProgressBar bar;

    Progress(String task, boolean quiet) {
        this.bar = quiet ? null : new ProgressBarBuilder().setTaskName(task).setInitialMax(TICKS)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    @Override
    public void accept(double fraction) {
        if (bar != null) {
            bar.stepTo(Math.round(fraction * TICKS));
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
