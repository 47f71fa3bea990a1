package meanfield.solvers.time;

import java.util.function.DoubleConsumer;

import meanfield.solvers.NumericalFailure;

/**
 * Drives a {@link Stepper} to the end time: hits every output time exactly,
 * controls the step from the local error estimate (or keeps it fixed), and stops with a
 * {@link NumericalFailure} when the step collapses. Observers see every accepted state.
 */
public final class TimeLoop {
    private static final double GROWTH_MAX = 2.0;
    private static final double SHRINK_MIN = 0.2;
    private static final double SAFETY = 0.9;

    private final TimeIntegrator integrator;
    private final java.util.function.Function<double[], String> locate;
    private final TimeControl control;
    private final StepObserver observer;
    private final DoubleConsumer progress;
    private int acceptedSteps;
    private int rejectedSteps;

    public TimeLoop(TimeIntegrator integrator, java.util.function.Function<double[], String> locate, TimeControl control, StepObserver observer, DoubleConsumer progress) {
        this.integrator = integrator;
        this.locate = locate;
        this.control = control;
        this.observer = observer;
        this.progress = progress;
    }

    /** Runs from t = 0; y holds the initial state and, on return, the final one. */
    public void run(double[] y) {
        double[] next = new double[y.length];
        double[] outputs = control.outputTimes();
        double t = 0.0;
        double dt = control.adaptive() ? Math.min(outputs[1], control.end()) * 1e-3 : control.fixedStep();
        double dtMin = 1e-12 * control.end();
        observer.observe(t, y, true);
        for (int o = 1; o < outputs.length; o++) {
            double target = outputs[o];
            while (t < target) {
                double remaining = target - t;
                // Stretch a step by up to 1e-9 relative rather than leave a sliver before the output time.
                boolean reaches = dt >= remaining * (1 - 1e-9);
                double h = reaches ? remaining : dt;
                double error = integrator.step(t, h, y, next);
                if (Double.isNaN(error)) {
                    // Not a step-size matter: a NaN in the data (a formula evaluated outside its domain).
                    throw new NumericalFailure(t, "non-finite density at " + locate.apply(next)
                            + " in a step of " + h);
                }
                if (!(error <= control.tolerance()) && control.adaptive()) {
                    rejectedSteps++;
                    dt = h * Math.max(SHRINK_MIN, Double.isFinite(error) ? SAFETY * Math.sqrt(control.tolerance() / error) : 0);
                    if (dt < dtMin) {
                        throw new NumericalFailure(t, "step size collapsed to " + dt);
                    }
                    continue;
                }
                if (control.adaptive()) {
                    double factor = error == 0 ? GROWTH_MAX : SAFETY * Math.sqrt(control.tolerance() / error);
                    double grown = h * Math.min(GROWTH_MAX, Math.max(SHRINK_MIN, factor));
                    // A step cut short by an output time does not shrink the controller's step.
                    dt = reaches ? Math.max(dt, grown) : grown;
                }
                t = reaches ? target : t + h;
                System.arraycopy(next, 0, y, 0, y.length);
                acceptedSteps++;
                observer.observe(t, y, reaches);
                progress.accept(t / control.end());
            }
        }
    }

    public int acceptedSteps() {
        return acceptedSteps;
    }

    public int rejectedSteps() {
        return rejectedSteps;
    }
}
