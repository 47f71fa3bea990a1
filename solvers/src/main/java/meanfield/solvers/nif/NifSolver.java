package meanfield.solvers.nif;

import java.util.function.DoubleConsumer;

import meanfield.grids.UniformGrid;
import meanfield.solvers.NumericalFailure;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.time.Mprk22;
import meanfield.solvers.time.TimeControl;
import meanfield.solvers.time.TimeLoop;

/**
 * Runs the NIF finite-volume discretization with MPRK22 in time: second order, each label's
 * mass conserved to round-off and f >= 0 for any step. Stops with the time and label when a
 * rate becomes non-finite or exceeds {@link #RATE_LIMIT}, keeping the outputs reached.
 */
public final class NifSolver {
    /** A firing rate above this is taken as a blow-up of the network. */
    public static final double RATE_LIMIT = 1e8;
    /**
     * Default local error tolerance of the adaptive step (per step, L1 per label). On P1 at
     * 400 x 64 cells the global error at t = 1 is about 0.4 x tolerance (4e-5), below the
     * spatial error of that grid (about 2e-4).
     */
    public static final double DEFAULT_TOLERANCE = 1e-4;

    private final NifModel model;
    private final UniformGrid v;
    private final UniformGrid labels;
    private final TimeControl control;

    public NifSolver(NifModel model, UniformGrid v, UniformGrid labels, TimeControl control) {
        this.model = model;
        this.v = v;
        this.labels = labels;
        this.control = control;
    }

    public NifSolution solve(int threads, DoubleConsumer progress) {
        try (ColumnPool pool = new ColumnPool(threads)) {
            NifFiniteVolume system = new NifFiniteVolume(model, v, labels, pool);
            double[] y = system.initialState();
            NifSolution solution = new NifSolution(v, labels);
            TimeLoop loop = new TimeLoop(new Mprk22(system), system::locate, control,
                    (t, state, output) -> observe(system, solution, t, state, output), progress);
            String failure = null;
            try {
                loop.run(y);
            } catch (NumericalFailure e) {
                failure = e.getMessage();
            }
            solution.finish(loop.acceptedSteps(), loop.rejectedSteps(), failure);
            return solution;
        }
    }

    private void observe(NifFiniteVolume system, NifSolution solution, double t, double[] y, boolean output) {
        int nl = labels.cells();
        int nv = v.cells();
        double[] rates = new double[nl];
        system.firingRates(y, rates);
        // With a hard threshold the grid resolves rates up to about 2 sigma / h^2 (all of a label's
        // mass in the last cell). Beyond a tenth of that the boundary layer is unresolved, which is
        // how a blow-up of the network (Caceres-Carrillo-Perthame) shows on a grid: r would plateau
        // at a grid-dependent value instead of diverging.
        double resolvable = model.threshold().isPresent() ? 0.2 * model.sigma() / (v.h() * v.h()) : RATE_LIMIT;
        double massError = 0;
        double min = Double.POSITIVE_INFINITY;
        double boundary = 0;
        for (int l = 0; l < nl; l++) {
            double xi = labels.center(l);
            if (!Double.isFinite(rates[l]) || rates[l] > RATE_LIMIT) {
                throw new NumericalFailure(t, "firing rate r = " + rates[l] + " at label xi = " + xi
                        + " (cell " + l + ")");
            }
            if (rates[l] > resolvable) {
                throw new NumericalFailure(t, "firing rate r = " + rates[l] + " at label xi = " + xi + " (cell " + l
                        + ") exceeds what the v grid resolves at the threshold (0.2 sigma / h^2 = " + resolvable
                        + "): the network is blowing up, or the grid needs to be finer");
            }
            double mass = system.mass(y, l);
            if (!Double.isFinite(mass)) {
                throw new NumericalFailure(t, "non-finite density at label xi = " + xi + " (cell " + l + ")");
            }
            massError = Math.max(massError, Math.abs(mass - 1));
            for (int k = l * nv, end = k + nv; k < end; k++) {
                min = Math.min(min, y[k]);
            }
            double outer = y[l * nv] + (model.threshold().isPresent() ? 0 : y[l * nv + nv - 1]);
            boundary = Math.max(boundary, v.h() * outer);
        }
        solution.record(massError, min, boundary);
        if (output) {
            solution.addOutput(t, rates, y.clone());
        }
    }
}
