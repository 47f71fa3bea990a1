package meanfield.solvers.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.DoubleConsumer;

import meanfield.solvers.NumericalFailure;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.model.InvalidModelException.Part;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.ResultSink;
import meanfield.solvers.time.Scheme;
import meanfield.solvers.time.Schemes;
import meanfield.solvers.time.TimeControl;
import meanfield.solvers.time.TimeIntegrator;

/**
 * Runs any {@link SemiDiscretization} with any compatible {@link Scheme} to the end time, hitting
 * every output time exactly. With an adaptive scheme and no fixed step, the step follows the local
 * error estimate (exponent from the scheme's order); otherwise each output interval is split into
 * equal steps no longer than the fixed or default step. After the initial state and every accepted
 * step the observers see the physical fields; at output times the sink gets them too. A
 * {@link NumericalFailure} (from the step or an observer) ends the run with everything up to the
 * last output kept.
 */
public final class Driver {
    private static final double GROWTH_MAX = 2.0;
    private static final double SHRINK_MIN = 0.2;
    private static final double SAFETY = 0.9;

    private final SemiDiscretization system;
    private final Scheme scheme;
    private final TimeControl control;
    private final TimeIntegrator integrator;
    private final List<RunObserver> observers = new ArrayList<>();
    private final double fixedStep;
    private final ResultLayout layout;
    private final double[][] fields;
    private CheckpointPolicy checkpoints;
    private DoubleConsumer progress = fraction -> { };

    /**
     * @param extra observers of the caller, after the discretization's own diagnostics
     * @throws InvalidModelException (part SCHEME or TIME_STEP) for a scheme the system cannot use or a step above its limit
     */
    public Driver(SemiDiscretization system, Scheme scheme, TimeControl control, List<RunObserver> extra) {
        if (!scheme.compatibleWith(system)) {
            throw new InvalidModelException(Part.SCHEME, "the scheme " + scheme.name() + " steps "
                    + scheme.form().type().getSimpleName() + " systems, which this discretization is not; it takes "
                    + Schemes.compatibleWith(system).stream().map(Scheme::name).collect(Collectors.joining(", ")));
        }
        this.system = system;
        this.scheme = scheme;
        this.control = control;
        this.integrator = scheme.build(system);
        boolean adaptive = scheme.adaptive() && control.adaptive();
        double step = control.adaptive() ? system.defaultStep(control) : control.fixedStep();
        if (!adaptive && step > system.maxStep() * (1 + 1e-12)) {
            throw new InvalidModelException(Part.TIME_STEP, "the step " + step + " exceeds the limit " + system.maxStep()
                    + " of this discretization (positivity)");
        }
        this.fixedStep = adaptive ? Double.NaN : step;
        this.observers.addAll(system.diagnostics());
        this.observers.addAll(extra);
        this.layout = system.layout();
        this.fields = new double[layout.perOutput().size()][];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = new double[layout.size(layout.perOutput().get(i))];
        }
    }

    public Driver withCheckpoints(CheckpointPolicy policy) {
        this.checkpoints = policy;
        return this;
    }

    /** Receives the fraction of the horizon reached after every step. */
    public Driver withProgress(DoubleConsumer fraction) {
        this.progress = fraction;
        return this;
    }

    /** The fixed step of the run, or NaN when the step is adaptive. */
    public double fixedStep() {
        return fixedStep;
    }

    public Scheme scheme() {
        return scheme;
    }

    /** Runs from t = 0. */
    public RunOutcome run(ResultSink sink) {
        double[] outputs = control.outputTimes();
        double firstStep = Double.isNaN(fixedStep) ? Math.min(outputs[1], control.end()) * 1e-3 : fixedStep;
        return advance(new Checkpoint(0.0, 0, firstStep, 0, 0, system.initialState(), null), sink);
    }

    /** Continues from a checkpoint to this driver's end time (which may differ from the interrupted run's). */
    public RunOutcome resume(Checkpoint from, ResultSink sink) {
        if (from.state().length != system.size()) {
            throw new IncompatibleCheckpoint("the checkpoint holds a state of " + from.state().length
                    + " values, this discretization " + system.size());
        }
        double[] outputs = control.outputTimes();
        int index = from.nextOutput() - 1;
        if (index >= outputs.length || outputs[index] != from.time()) {
            throw new IncompatibleCheckpoint("the checkpoint at t = " + from.time()
                    + " is not an output time of this run (end " + control.end() + ", every " + control.outputEvery() + ")");
        }
        for (int i = 0; i < observers.size(); i++) {
            observers.get(i).restore(from.observerStates()[i]);
        }
        return advance(new Checkpoint(from.time(), from.nextOutput(), from.step(), from.accepted(), from.rejected(),
                from.state().clone(), null), sink);
    }

    private RunOutcome advance(Checkpoint start, ResultSink sink) {
        double[] outputs = control.outputTimes();
        double[] y = start.state();
        double[] next = new double[y.length];
        double t = start.time();
        double dt = start.step();
        long accepted = start.accepted();
        long rejected = start.rejected();
        int o = start.nextOutput();
        double lastCheckpoint = t;
        String failure = null;
        sink.begin(layout, outputs.length, o);
        try {
            if (o == 0) {
                observe(0.0, y, true, 0, sink);
                o = 1;
            }
            for (; o < outputs.length; o++) {
                double target = outputs[o];
                if (Double.isNaN(fixedStep)) {
                    while (t < target) {
                        double remaining = target - t;
                        // Stretch a step by up to 1e-9 relative rather than leave a sliver before the output time.
                        boolean reaches = dt >= remaining * (1 - 1e-9);
                        double h = reaches ? remaining : dt;
                        double error = integrator.step(t, h, y, next);
                        checkFinite(error, t, h, next);
                        if (!(error <= control.tolerance())) {
                            rejected++;
                            dt = h * Math.max(SHRINK_MIN, Double.isFinite(error) ? SAFETY * factor(error) : 0);
                            if (dt < 1e-12 * control.end()) {
                                throw new NumericalFailure(t, "step size collapsed to " + dt);
                            }
                            continue;
                        }
                        double grown = h * Math.min(GROWTH_MAX, Math.max(SHRINK_MIN, error == 0 ? GROWTH_MAX
                                : SAFETY * factor(error)));
                        // A step cut short by an output time does not shrink the controller's step.
                        dt = reaches ? Math.max(dt, grown) : grown;
                        t = reaches ? target : t + h;
                        double[] swap = y;
                        y = next;
                        next = swap;
                        accepted++;
                        observe(t, y, reaches, o, sink);
                    }
                } else {
                    double from = t;
                    // Equal steps per interval; a step that divides the interval (to 1e-9) gives exactly that many.
                    int count = Math.max(1, (int) Math.ceil((target - from) / fixedStep * (1 - 1e-9)));
                    double h = (target - from) / count;
                    for (int s = 1; s <= count; s++) {
                        double error = integrator.step(t, h, y, next);
                        checkFinite(error, t, h, next);
                        t = s == count ? target : from + s * h;
                        double[] swap = y;
                        y = next;
                        next = swap;
                        accepted++;
                        observe(t, y, s == count, o, sink);
                    }
                }
                if (checkpoints != null && checkpoints.due(t, lastCheckpoint, o == outputs.length - 1)) {
                    checkpoints.destination().accept(new Checkpoint(t, o + 1, dt, accepted, rejected, y.clone(),
                            observerStates()));
                    lastCheckpoint = t;
                }
            }
        } catch (NumericalFailure e) {
            failure = e.getMessage();
        }
        int reached = failure == null ? outputs.length : o;
        sink.finish(reached, Map.of());
        Map<String, Object> summary = new LinkedHashMap<>();
        for (RunObserver observer : observers) {
            observer.summarize(summary);
        }
        return new RunOutcome(reached > 0 ? outputs[reached - 1] : Double.NaN, reached, longestStep(outputs), accepted, rejected, Optional.ofNullable(failure), summary);
    }

    private double longestStep(double[] outputs) {
        double interval = 0;
        for (int o = 1; o < outputs.length; o++) {
            interval = Math.max(interval, outputs[o] - outputs[o - 1]);
        }
        return Math.min(fixedStep, interval);
    }

    private double factor(double error) {
        double exponent = scheme.controllerExponent();
        double ratio = control.tolerance() / error;
        return exponent == 0.5 ? Math.sqrt(ratio) : Math.pow(ratio, exponent);
    }

    private void checkFinite(double error, double t, double h, double[] next) {
        if (Double.isNaN(error)) {
            // Not a step-size matter: a NaN in the data (a formula evaluated outside its domain).
            throw new NumericalFailure(t, "non-finite density at " + system.locate(next) + " in a step of " + h);
        }
    }

    private void observe(double t, double[] y, boolean output, int index, ResultSink sink) {
        system.fields(t, y, fields);
        for (RunObserver observer : observers) {
            observer.observe(t, y, fields, output);
        }
        if (output) {
            sink.output(index, t, fields);
        }
        progress.accept(t / control.end());
    }

    private double[][] observerStates() {
        double[][] states = new double[observers.size()][];
        for (int i = 0; i < states.length; i++) {
            states[i] = observers.get(i).state();
        }
        return states;
    }
}
