package meanfield.solvers.mv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import meanfield.grids.fourier.FourierMultiplier;
import meanfield.grids.fourier.FourierTransform;
import meanfield.grids.fourier.PeriodicGrid;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.model.InvalidModelException.Part;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.diagnostics.Limit;
import meanfield.solvers.diagnostics.MassError;
import meanfield.solvers.diagnostics.Minimum;
import meanfield.solvers.result.Axis;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.Variable;
import meanfield.solvers.run.Forcing;
import meanfield.solvers.run.RunObserver;
import meanfield.solvers.run.SemiDiscretization;
import meanfield.solvers.run.SourceTerm;
import meanfield.solvers.time.DiagonalSplitSystem;
import meanfield.solvers.time.FactorCache;
import meanfield.solvers.time.TimeControl;

/**
 * The MV limit on a {@link PeriodicGrid} by Fourier pseudo-spectral collocation, as the system
 * y' = L y + N(y) for the half spectrum y of f (layout of {@link FourierTransform}):
 * <ul>
 * <li>L = -sigma |2 pi k|^2: diffusion, diagonal, applied exactly by the integrator;</li>
 * <li>N(f) = -sum_a 2 pi i k_a (f u_a)^_k with u = Kf * f, each u_a the multiplier Kfhat_a (the
 * discrete coefficients of Kf sampled at the nodes, spectrally accurate for smooth periodic Kf);
 * the products f u_a are formed at the nodes and N is truncated by the 2/3 rule.</li>
 * </ul>
 * The state lives in the dealiased space: the initial data are truncated by the same rule, and
 * neither e^{tL} nor N brings back a truncated mode. Mass: the k = 0 factor of e^{tL} is exactly 1
 * and N has k = 0 component exactly 0, so fhat_0 never changes.
 * <p>
 * The d flux components are independent and are spread over the pool's workers (one transform
 * each); they are summed in axis order, so results do not depend on the thread count.
 */
public final class MvSpectral implements DiagonalSplitSystem, SemiDiscretization {
    /** Courant number of the default step of a scheme without an error estimate (see {@link #defaultStep}). */
    public static final double CFL = 1.0;
    /** A density above this (the mass being 1) is taken as a blow-up. */
    public static final double DENSITY_LIMIT = 1e8;

    private final PeriodicGrid grid;
    private final int dimension;
    private final double sigma;
    private final ColumnPool pool;
    private final FourierTransform[] transforms;
    private final FourierMultiplier dealias;
    private final FourierMultiplier[] velocity;
    private final FourierMultiplier[] divergence;
    private final double[] decay;
    private final FactorCache factors;
    private final double interactionBound;
    private final double[] initialValues;
    private final ResultLayout layout;

    private final double[] density;
    /** The difference of two states whose {@link #errorNorm} is asked for, as spectrum and at the nodes. */
    private final double[] difference;
    private final double[] differenceValues;
    private final double[][] velocitySpectrum;
    private final double[][] flux;
    private final double[][] fluxSpectrum;
    /** The state whose fluxes {@link #fluxChunk} computes (a field, so the chunk is built once, not per call). */
    private double[] fluxState;
    private final ColumnPool.Chunk fluxChunk = this::fluxes;
    private SourceTerm source;

    public MvSpectral(MvModel model, PeriodicGrid grid, ColumnPool pool) {
        if (model.dimension() != grid.dimension()) {
            throw new InvalidModelException(Part.GRID, "the model has dimension " + model.dimension()
                    + " but the grid " + grid.dimension());
        }
        this.grid = grid;
        this.dimension = grid.dimension();
        this.sigma = model.sigma();
        this.pool = pool;
        this.transforms = new FourierTransform[Math.min(pool.workers(), dimension)];
        for (int w = 0; w < transforms.length; w++) {
            transforms[w] = new FourierTransform(grid);
        }
        FourierTransform t = transforms[0];
        this.dealias = FourierMultiplier.twoThirdsRule(t);
        this.velocity = new FourierMultiplier[dimension];
        this.divergence = new FourierMultiplier[dimension];
        double bound = 0;
        for (int a = 0; a < dimension; a++) {
            TorusFunction component = model.interaction().get(a);
            double[] kernel = grid.sample(component::value);
            double max = 0;
            for (int j = 0; j < kernel.length; j++) {
                if (!Double.isFinite(kernel[j])) {
                    throw new InvalidModelException(Part.KERNEL, "the interaction Kf component " + a + " is "
                            + kernel[j] + " at " + pointName(j));
                }
                max = Math.max(max, Math.abs(kernel[j]));
            }
            bound += max;
            velocity[a] = FourierMultiplier.convolution(t, kernel);
            final int axis = a;
            divergence[a] = FourierMultiplier.of(t, (k, m) -> m[1] = -2 * Math.PI * k[axis]).times(dealias);
        }
        this.interactionBound = bound;
        this.decay = new double[t.coefficients()];
        int[] k = new int[dimension];
        for (int c = 0; c < decay.length; c++) {
            t.wavevector(c, k);
            double k2 = 0;
            for (int ka : k) {
                k2 += (double) ka * ka;
            }
            decay[c] = -sigma * 4 * Math.PI * Math.PI * k2;
        }
        this.factors = new FactorCache(decay.length, (dt, out) -> {
            for (int c = 0; c < out.length; c++) {
                out[c] = Math.exp(dt * decay[c]);
            }
        });
        this.initialValues = grid.sample(model.initial()::value);
        List<Axis> axes = new ArrayList<>();
        axes.add(Axis.time());
        String[] names = Arrays.copyOf(new String[] {"x", "y", "z"}, dimension);
        for (String name : names) {
            axes.add(new Axis(name, "1", "position " + name + " on the unit torus (collocation nodes)", grid.nodes()));
        }
        this.layout = new ResultLayout(axes, List.of(Variable.perOutput("rho", "1", "density f(t, x)", names),
                Variable.perOutput("density", "1", "density f(t, x)", names)));
        this.density = new double[grid.size()];
        this.difference = new double[t.spectrumLength()];
        this.differenceValues = new double[grid.size()];
        this.velocitySpectrum = new double[dimension][t.spectrumLength()];
        this.flux = new double[dimension][grid.size()];
        this.fluxSpectrum = new double[dimension][t.spectrumLength()];
    }

    public PeriodicGrid grid() {
        return grid;
    }

    @Override
    public int size() {
        return transforms[0].spectrumLength();
    }

    /** The largest |k_a| the 2/3 rule keeps: the largest K with 3K < n. */
    public int largestWavenumber() {
        return (grid.n() - 1) / 3;
    }

    /**
     * sum_a max over the nodes of |Kf_a|: a bound on sum_a |u_a| for any density f >= 0 of mass 1,
     * since |Kf_a * f| <= max |Kf_a| int f.
     */
    public double interactionBound() {
        return interactionBound;
    }

    /**
     * The spectrum of f0 at the nodes, normalized to mass 1 and truncated by the 2/3 rule.
     * Rejects a negative, non-finite or zero initial density.
     */
    public double[] initialState() {
        for (int j = 0; j < initialValues.length; j++) {
            if (!(initialValues[j] >= 0) || !Double.isFinite(initialValues[j])) {
                throw new InvalidModelException(Part.INITIAL, "the initial density is " + initialValues[j] + " at "
                        + pointName(j) + ": it must be finite and >= 0");
            }
        }
        double[] y = new double[size()];
        transforms[0].forward(initialValues, y);
        double mass = y[0];
        if (!(mass > 0)) {
            throw new InvalidModelException(Part.INITIAL, "the initial density vanishes at every node");
        }
        for (int i = 0; i < y.length; i++) {
            y[i] /= mass;
        }
        dealias.apply(y);
        return y;
    }

    @Override
    public String defaultScheme() {
        return "lawson-rk4";
    }

    /**
     * dt = {@link #CFL} / (2 pi K sum_a max|Kf_a|), K the largest wavenumber kept by the 2/3 rule.
     * The explicit term -div(f u) = -u.grad f - f div u has spectral radius at most
     * 2 pi K sum_a |u_a| + |div u| <= 2 (2 pi K sum_a max|Kf_a|) (for f >= 0 of mass 1, and by
     * Bernstein's inequality for the degree-K velocity), so this dt keeps it within RK4's stability
     * interval (about 2.8 on both axes) with room to spare; diffusion sets no limit. Used by schemes
     * without an error estimate; the adaptive default, Lawson RK4, finds its own step (on P4 at the
     * default tolerance it averages 0.28 of this one, for accuracy, not stability).
     */
    @Override
    public double defaultStep(TimeControl control) {
        return CFL / (2 * Math.PI * largestWavenumber() * interactionBound);
    }

    @Override
    public ResultLayout layout() {
        return layout;
    }

    @Override
    public void fields(double t, double[] y, double[][] out) {
        density(y, out[0]);
        System.arraycopy(out[0], 0, out[1], 0, out[0].length);
    }

    /** |f| within {@link #DENSITY_LIMIT} at every node, the mass, the minimum. */
    @Override
    public List<RunObserver> diagnostics() {
        return List.of(new Limit(layout, "rho", "density f", DENSITY_LIMIT, "(beyond " + DENSITY_LIMIT + ")"),
                new MassError(layout, "rho", 1, 1.0 / grid.size()), new Minimum(layout, "rho"));
    }

    @Override
    public String locate(double[] y) {
        return "the spectrum";
    }

    /** f at the nodes of the state y. */
    public void density(double[] y, double[] values) {
        transforms[0].inverse(y, values);
    }

    @Override
    public void propagate(double dt, double[] in, double[] out) {
        double[] factor = factors.of(dt);
        for (int c = 0; c < factor.length; c++) {
            out[2 * c] = factor[c] * in[2 * c];
            out[2 * c + 1] = factor[c] * in[2 * c + 1];
        }
    }

    /** The interaction term -div(f (Kf * f)); autonomous, so t is not used. */
    @Override
    public void explicitPart(double t, double[] y, double[] out) {
        transforms[0].inverse(y, density);
        fluxState = y;
        pool.forEachChunk(dimension, fluxChunk);
        Arrays.fill(out, 0.0);
        for (int a = 0; a < dimension; a++) {
            divergence[a].accumulate(fluxSpectrum[a], out);
        }
        if (source != null) {
            source.addTo(t, out);
        }
    }

    /**
     * Adds a source s(t), a half spectrum like the state, to the explicit part (a manufactured
     * solution's), truncated by the 2/3 rule so that the state stays in the dealiased space.
     */
    public void force(Forcing forcing) {
        this.source = new SourceTerm(forcing, size(), dealias::apply);
    }

    /**
     * max over the collocation nodes of |f^a(x_j) - f^b(x_j)|: the local error in the density the
     * solver reports, absolute and so relative to the mean density 1 (mass 1 on the unit torus).
     * The coefficients themselves would be a poor measure: each is an average over the torus, and
     * an error spread over m modes reaches up to m times the largest coefficient error at a node.
     * One inverse transform, against the 3 d + 1 of an evaluation of the interaction term.
     */
    @Override
    public double errorNorm(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            difference[i] = a[i] - b[i];
        }
        transforms[0].inverse(difference, differenceValues);
        double max = 0.0;
        for (double value : differenceValues) {
            // Math.max keeps a NaN, so a non-finite state fails the step rather than passing as a zero error.
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }

    /** The spectra of the fluxes f u_a for axes [from, to), with the transform of this worker. */
    private void fluxes(int worker, int from, int to) {
        FourierTransform t = transforms[worker];
        for (int a = from; a < to; a++) {
            velocity[a].apply(fluxState, velocitySpectrum[a]);
            double[] fu = flux[a];
            t.inverse(velocitySpectrum[a], fu);
            for (int j = 0; j < fu.length; j++) {
                fu[j] *= density[j];
            }
            t.forward(fu, fluxSpectrum[a]);
        }
    }

    /** Grid point j as "x = (..) (node j)", for messages. */
    String pointName(int j) {
        double[] x = new double[dimension];
        grid.point(j, x);
        return "x = " + Arrays.toString(x) + " (node " + j + ")";
    }
}
