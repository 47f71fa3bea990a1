package meanfield.solvers.mv;

import java.util.function.DoubleConsumer;

import meanfield.grids.fourier.PeriodicGrid;
import meanfield.solvers.NumericalFailure;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.time.LawsonRk4;
import meanfield.solvers.time.TimeControl;

/**
 * Runs the MV pseudo-spectral discretization ({@link MvSpectral}) with Lawson RK4: diffusion
 * exact through its integrating factor, the interaction term explicit; fourth order in time,
 * spectral in space, mass conserved to round-off.
 * <p>
 * <b>Time step.</b> {@code control.fixedStep()} when given; otherwise the CFL default
 * dt = {@link #CFL} / (2 pi K sum_a max|Kf_a|), K the largest wavenumber kept by the 2/3 rule.
 * The explicit term -div(f u) = -u.grad f - f div u has spectral radius at most
 * 2 pi K sum_a |u_a| + |div u| <= 2 (2 pi K sum_a max|Kf_a|) (for f >= 0 of mass 1, and by
 * Bernstein's inequality for the degree-K velocity), so this dt keeps it within RK4's stability
 * interval (about 2.8 on both axes) with room to spare; diffusion sets no limit. Each output
 * interval is split into equal steps no longer than dt, so a dt that divides
 * {@code time.output_every} is used exactly. Steps are never adapted: the tolerance of the
 * {@link TimeControl} is not used.
 * <p>
 * <b>Failure.</b> After every step f is checked at the nodes: a non-finite value or |f| above
 * {@link #DENSITY_LIMIT} stops the run with the time and node, keeping the outputs reached.
 */
public final class MvSolver {
    /** Courant number of the default step (see the class comment). */
    public static final double CFL = 1.0;
    /** A density above this (the mass being 1) is taken as a blow-up. */
    public static final double DENSITY_LIMIT = 1e8;

    private final MvModel model;
    private final PeriodicGrid grid;
    private final TimeControl control;

    public MvSolver(MvModel model, PeriodicGrid grid, TimeControl control) {
        this.model = model;
        this.grid = grid;
        this.control = control;
    }

    public MvSolution solve(int threads, DoubleConsumer progress) {
        try (ColumnPool pool = new ColumnPool(threads)) {
            MvSpectral system = new MvSpectral(model, grid, pool);
            double[] y = system.initialState();
            double[] outputs = control.outputTimes();
            double dt = control.adaptive()
                    ? CFL / (2 * Math.PI * system.largestWavenumber() * system.interactionBound())
                    : control.fixedStep();
            double[] rho = new double[grid.size()];
            MvSolution solution = new MvSolution(grid, Math.min(dt, maxInterval(outputs)));
            LawsonRk4 integrator = new LawsonRk4(system);
            double[] next = new double[y.length];
            int steps = 0;
            String failure = null;
            try {
                check(system, y, rho, 0.0, solution);
                solution.addOutput(0.0, rho.clone());
                for (int o = 1; o < outputs.length; o++) {
                    double start = outputs[o - 1];
                    double interval = outputs[o] - start;
                    // Equal steps per interval; a dt that divides the interval (to 1e-9) gives exactly that many.
                    int count = Math.max(1, (int) Math.ceil(interval / dt * (1 - 1e-9)));
                    double h = interval / count;
                    for (int s = 1; s <= count; s++) {
                        integrator.step(0.0, h, y, next);
                        double[] swap = y;
                        y = next;
                        next = swap;
                        steps++;
                        double t = s == count ? outputs[o] : start + s * h;
                        check(system, y, rho, t, solution);
                        progress.accept(t / control.end());
                    }
                    solution.addOutput(outputs[o], rho.clone());
                }
            } catch (NumericalFailure e) {
                failure = e.getMessage();
            }
            solution.finish(steps, failure);
            return solution;
        }
    }

    private static double maxInterval(double[] outputs) {
        double max = 0;
        for (int o = 1; o < outputs.length; o++) {
            max = Math.max(max, outputs[o] - outputs[o - 1]);
        }
        return max;
    }

    /** f at the nodes into rho, checked for blow-up; records mass error and minimum. */
    private static void check(MvSpectral system, double[] y, double[] rho, double t, MvSolution solution) {
        system.density(y, rho);
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < rho.length; j++) {
            double f = rho[j];
            // Also true for NaN, so one comparison per node catches both failures.
            if (!(Math.abs(f) <= DENSITY_LIMIT)) {
                String what = Double.isFinite(f) ? "density f = " + f + " beyond " + DENSITY_LIMIT : "non-finite density";
                throw new NumericalFailure(t, what + " at " + system.pointName(j));
            }
            sum += f;
            min = Math.min(min, f);
        }
        solution.record(Math.abs(sum / rho.length - 1), min);
    }
}
