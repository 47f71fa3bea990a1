package meanfield.solvers.topo;

import java.util.function.DoubleConsumer;

import meanfield.grids.PeriodicCells;
import meanfield.grids.fourier.PeriodicGrid;
import meanfield.solvers.NumericalFailure;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.time.LawsonRk4;
import meanfield.solvers.time.SspRk2;
import meanfield.solvers.time.TimeIntegrator;
import meanfield.solvers.time.TimeControl;
import meanfield.solvers.time.TimeLoop;

/**
 * Runs the TOPO equation with a fixed step:
 * <ul>
 * <li>finite volumes with SSP Runge–Kutta 2, by default at the largest step that keeps f >= 0
 * (a requested larger step is refused);</li>
 * <li>Fourier collocation with Lawson RK4 (transport exact), by default at the largest step
 * not above {@value #SPECTRAL_DEFAULT_STEP} that divides the output interval (on P2 its time
 * error, about 1e-7, is far below what the solution is used for).</li>
 * </ul>
 */
public final class TopoSolver {
    /** Default step of the spectral solver. */
    public static final double SPECTRAL_DEFAULT_STEP = 0.02;

    /** The discretizations of the TOPO equation. */
    public enum Method { FINITE_VOLUME, SPECTRAL }

    private final TopoModel model;
    private final Method method;
    private final int n;
    private final TimeControl control;

    /** @param n cells (finite volumes) or collocation nodes (spectral) per dimension */
    public TopoSolver(TopoModel model, Method method, int n, TimeControl control) {
        this.model = model;
        this.method = method;
        this.n = n;
        this.control = control;
    }

    public TopoSolution solve(int threads, DoubleConsumer progress) {
        try (ColumnPool pool = new ColumnPool(threads)) {
            int d = model.dimension();
            int nvel = model.velocityCount();
            double[] axis = new double[n];
            double[] y;
            TimeIntegrator stepper;
            java.util.function.Function<double[], String> locate;
            double dt;
            Converter values;
            if (method == Method.FINITE_VOLUME) {
                TopoFiniteVolume fv = new TopoFiniteVolume(model, new PeriodicCells(d, n), pool);
                double limit = fv.positiveStepLimit();
                if (!control.adaptive() && control.fixedStep() > limit) {
                    throw new IllegalArgumentException("the step " + control.fixedStep()
                            + " exceeds the positivity limit " + limit + " of the finite-volume scheme");
                }
                dt = control.adaptive() ? limit : control.fixedStep();
                y = fv.initialState(model);
                stepper = new SspRk2(fv);
                locate = fv::locate;
                values = (state, out) -> System.arraycopy(state, 0, out, 0, out.length);
                for (int i = 0; i < n; i++) {
                    axis[i] = (i + 0.5) / n;
                }
            } else {
                PeriodicGrid grid = new PeriodicGrid(d, n);
                TopoSpectral spectral = new TopoSpectral(model, grid, TopoSpectral.defaultRadialNodes(n), pool);
                // The largest step <= the default that divides the output interval: uniform steps.
                dt = control.adaptive()
                        ? control.outputEvery() / Math.ceil(control.outputEvery() / SPECTRAL_DEFAULT_STEP - 1e-9)
                        : control.fixedStep();
                y = spectral.initialState(model);
                LawsonRk4 lawson = new LawsonRk4(spectral);
                stepper = lawson;
                locate = state -> "the spectrum";
                values = spectral::toPhysical;
                axis = grid.nodes();
            }
            int points = (int) Math.round(Math.pow(n, d));
            double pointVolume = 1.0 / points;
            TimeControl fixed = new TimeControl(control.end(), control.outputEvery(), dt, control.tolerance());
            TopoSolution solution = new TopoSolution(d, axis, model.velocities());
            double[] f = new double[points * nvel];
            TimeLoop loop = new TimeLoop(stepper, locate, fixed, (t, state, output) -> {
                values.convert(state, f);
                observe(solution, f, nvel, pointVolume, t, output);
            }, progress);
            String failure = null;
            try {
                loop.run(y);
            } catch (NumericalFailure e) {
                failure = e.getMessage();
            }
            solution.finish(loop.acceptedSteps(), failure);
            return solution;
        }
    }

    /** Node values of a state, point-major (point * nvel + k). */
    private interface Converter {
        void convert(double[] state, double[] out);
    }

    private static void observe(TopoSolution solution, double[] f, int nvel, double pointVolume, double t,
            boolean output) {
        int points = f.length / nvel;
        double[] marginal = new double[nvel];
        double[] rho = new double[points];
        double min = Double.POSITIVE_INFINITY;
        for (int c = 0; c < points; c++) {
            double sum = 0;
            for (int k = 0; k < nvel; k++) {
                double value = f[c * nvel + k];
                marginal[k] += value * pointVolume;
                sum += value;
                min = Math.min(min, value);
            }
            rho[c] = sum;
        }
        double mass = 0;
        for (double m : marginal) {
            mass += m;
        }
        if (!Double.isFinite(mass)) {
            int bad = 0;
            while (Double.isFinite(f[bad])) {
                bad++;
            }
            throw new NumericalFailure(t, "non-finite density at point " + bad / nvel + ", velocity node " + bad % nvel);
        }
        solution.record(Math.abs(mass - 1), min);
        if (output) {
            solution.addOutput(t, f.clone(), rho, marginal);
        }
    }
}
