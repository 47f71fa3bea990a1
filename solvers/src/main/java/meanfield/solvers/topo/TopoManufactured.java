package meanfield.solvers.topo;

import java.util.Locale;

import meanfield.grids.GaussLegendre;
import meanfield.grids.PeriodicCells;
import meanfield.grids.fourier.FourierTransform;
import meanfield.grids.fourier.PeriodicGrid;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.run.ManufacturedSolution;
import meanfield.solvers.run.SemiDiscretization;

/**
 * A manufactured solution for the TOPO solvers on the model's own rank weight K and velocity set:
 * <pre>
 *   f_e,k(t, x) = g_k(t) rho(t, x),   rho = 1 + 0.3 prod_a q(x_a - t/2),
 *   q(s) = (e^{1.5 cos 2 pi s} - I0(1.5)) / (e^1.5 - I0(1.5)),
 *   g_k(t) = (1 + 0.4 cos(2 t) u_k) / n_vel,   u_k = s(v_k) - mean s scaled to max |u| = 1, s(v) = v_1 + v_2 / 2,
 * </pre>
 * positive with mass 1 (q has mean 0 and |q| &lt;= 1); rho is analytic but not a trigonometric
 * polynomial, so a spectral solver's interpolation error falls visibly with n. For a product of a
 * velocity profile and rho the gain is rho(x) g_k int rho(y) K(M_rho(x, |x - y|)) dy = rho g_k = f_k:
 * the balance of MODEL.md 2.3 makes the collision vanish for any K, with rho far from uniform and
 * moving, so S = d_t f_e + v_k . grad f_e needs no rank integral: node values in closed form, cell
 * averages by 8-point Gauss per cell (the gradient's exactly, from face values). The errors show the
 * transport's order and how well the discrete gain keeps that balance; the accuracy of the rank
 * weights away from such states is what the K = 1 exact solution and the independent-solver tests check.
 */
public final class TopoManufactured implements ManufacturedSolution {
    private static final double MODULATION = 0.3;
    private static final double SHARPNESS = 1.5;
    private static final double WAVE_MEAN = waveMean();
    /** Cell averages by 8-point Gauss–Legendre on [0, 1]: below 1e-13 of q at 16 cells and more. */
    private static final GaussLegendre CELL_RULE = GaussLegendre.on(8, 0, 1);
    private static final double SPEED = 0.5;
    private static final double AMPLITUDE = 0.4;
    private static final double FREQUENCY = 2.0;

    private final int dimension;
    private final int n;
    private final int nvel;
    private final int points;
    private final double[][] velocities;
    private final double[] profile;
    /** Per point and axis: the index along that axis. */
    private final int[] coordinates;
    private final boolean cellAverages;
    private final SemiDiscretization discretization;
    /** The source's tables: q(x - t/2) along an axis and its x derivative, averaged over cells or at nodes. */
    private final double[] along;
    private final double[] slope;

    private TopoManufactured(TopoModel model, int n, boolean cellAverages, Builder builder) {
        this.dimension = model.dimension();
        this.n = n;
        this.nvel = model.velocityCount();
        this.points = (int) Math.round(Math.pow(n, dimension));
        this.velocities = model.velocities();
        this.cellAverages = cellAverages;
        this.profile = profile(velocities);
        this.coordinates = new int[points * dimension];
        this.along = new double[n];
        this.slope = new double[n];
        TopoModel forced = new TopoModel(dimension, model.weight(), velocities, this::initial);
        this.discretization = builder.build(forced, this);
    }

    /** How each discretization is built around the solution and handed its source. */
    @FunctionalInterface
    private interface Builder {
        SemiDiscretization build(TopoModel model, TopoManufactured solution);
    }

    /** The finite volumes on n^d cells, compared by cell averages. */
    public static TopoManufactured finiteVolume(TopoModel model, int n, ColumnPool pool) {
        return new TopoManufactured(model, n, true, (forced, solution) -> {
            PeriodicCells cells = new PeriodicCells(model.dimension(), n);
            for (int c = 0; c < cells.count(); c++) {
                for (int a = 0; a < cells.dimension(); a++) {
                    solution.coordinates[c * cells.dimension() + a] = cells.coordinate(c, a);
                }
            }
            TopoFiniteVolume fv = new TopoFiniteVolume(forced, cells, pool);
            fv.force(solution::source);
            return fv;
        });
    }

    /** The spectral solver on n^d nodes with its default radial quadrature, compared at the nodes. */
    public static TopoManufactured spectral(TopoModel model, int n, ColumnPool pool) {
        return new TopoManufactured(model, n, false, (forced, solution) -> {
            PeriodicGrid grid = new PeriodicGrid(model.dimension(), n);
            double[] x = new double[grid.dimension()];
            for (int p = 0; p < grid.size(); p++) {
                grid.point(p, x);
                for (int a = 0; a < grid.dimension(); a++) {
                    solution.coordinates[p * grid.dimension() + a] = (int) Math.round(x[a] * n) % n;
                }
            }
            TopoSpectral spectral = new TopoSpectral(forced, grid, TopoSpectral.defaultRadialNodes(n), pool);
            spectral.force(solution.spectralSource(new FourierTransform(grid)));
            return spectral;
        });
    }

    /** The source as the spectral state holds it: node values transformed velocity by velocity. */
    private meanfield.solvers.run.Forcing spectralSource(FourierTransform transform) {
        double[] nodes = new double[points * nvel];
        double[] line = new double[points];
        double[] spectrum = new double[transform.spectrumLength()];
        return (t, out) -> {
            source(t, nodes);
            for (int k = 0; k < nvel; k++) {
                for (int p = 0; p < points; p++) {
                    line[p] = nodes[p * nvel + k];
                }
                transform.forward(line, spectrum);
                System.arraycopy(spectrum, 0, out, k * spectrum.length, spectrum.length);
            }
        };
    }

    /** u_k: s(v_k) = v_1 + v_2 / 2 less its mean over the nodes, scaled to max |u| = 1 (0 if s is constant). */
    private static double[] profile(double[][] velocities) {
        int count = velocities.length;
        double[] u = new double[count];
        double mean = 0;
        for (int k = 0; k < count; k++) {
            u[k] = shape(velocities[k]);
            mean += u[k] / count;
        }
        double largest = 0;
        for (int k = 0; k < count; k++) {
            u[k] -= mean;
            largest = Math.max(largest, Math.abs(u[k]));
        }
        for (int k = 0; k < count; k++) {
            u[k] = largest > 1e-12 ? u[k] / largest : 0.0;
        }
        return u;
    }

    private static double shape(double[] v) {
        return v[0] + (v.length > 1 ? 0.5 * v[1] : 0.0);
    }

    private static double amplitude(double t) {
        return AMPLITUDE * Math.cos(FREQUENCY * t);
    }

    private static double amplitudeRate(double t) {
        return -AMPLITUDE * FREQUENCY * Math.sin(FREQUENCY * t);
    }

    /** g_k(t). */
    public double velocityProfile(double t, int k) {
        return (1 + amplitude(t) * profile[k]) / nvel;
    }

    /** rho(t, x). */
    public static double density(double t, double[] x) {
        double product = 1;
        for (double c : x) {
            product *= wave(c - SPEED * t);
        }
        return 1 + MODULATION * product;
    }

    /** f_e(0, x, v) for the model's initial data; v is one of the velocity nodes. */
    private double initial(double[] x, double[] v) {
        for (int k = 0; k < nvel; k++) {
            if (java.util.Arrays.equals(v, velocities[k])) {
                return velocityProfile(0, k) * density(0, x);
            }
        }
        throw new IllegalArgumentException("not a velocity node: " + java.util.Arrays.toString(v));
    }

    /** Fills along and slope for time t: exact cell averages over [i/n, (i+1)/n], or values at the nodes i/n. */
    private void tabulate(double t, double[] along, double[] slope) {
        double h = 1.0 / n;
        for (int i = 0; i < n; i++) {
            double left = i * h - SPEED * t;
            if (cellAverages) {
                double sum = 0;
                for (int q = 0; q < CELL_RULE.size(); q++) {
                    sum += CELL_RULE.weight(q) * wave(left + h * CELL_RULE.node(q));
                }
                along[i] = sum;
                slope[i] = (wave(left + h) - wave(left)) / h;
            } else {
                along[i] = wave(left);
                slope[i] = waveSlope(left);
            }
        }
    }

    /** q(s) = (e^{B cos 2 pi s} - I0(B)) / (e^B - I0(B)): periodic, mean 0, max 1, not a trigonometric polynomial. */
    private static double wave(double s) {
        return (Math.exp(SHARPNESS * Math.cos(2 * Math.PI * s)) - WAVE_MEAN) / (Math.exp(SHARPNESS) - WAVE_MEAN);
    }

    private static double waveSlope(double s) {
        double c = 2 * Math.PI * s;
        return -2 * Math.PI * SHARPNESS * Math.sin(c) * Math.exp(SHARPNESS * Math.cos(c))
                / (Math.exp(SHARPNESS) - WAVE_MEAN);
    }

    /** I0(B), the mean of e^{B cos 2 pi s}: the trapezoid rule on 256 points is exact to round-off for it. */
    private static double waveMean() {
        double sum = 0;
        for (int j = 0; j < 256; j++) {
            sum += Math.exp(SHARPNESS * Math.cos(2 * Math.PI * j / 256.0));
        }
        return sum / 256;
    }

    /** prod_a along[i_a] at point p. */
    private double product(int p, double[] along) {
        double value = 1;
        for (int a = 0; a < dimension; a++) {
            value *= along[coordinates[p * dimension + a]];
        }
        return value;
    }

    /**
     * S_k = g_k' rho + g_k (d_t rho + v_k . grad rho), point-major like the states; with rho's
     * modulation travelling at speed 1/2 along every axis, d_t = -(1/2) sum_a d_a on it.
     */
    void source(double t, double[] out) {
        tabulate(t, along, slope);
        double a = amplitude(t);
        double da = amplitudeRate(t);
        for (int p = 0; p < points; p++) {
            double rho = 1 + MODULATION * product(p, along);
            for (int k = 0; k < nvel; k++) {
                double transport = 0;
                for (int axis = 0; axis < dimension; axis++) {
                    double term = (velocities[k][axis] - SPEED) * slope[coordinates[p * dimension + axis]];
                    for (int b = 0; b < dimension; b++) {
                        if (b != axis) {
                            term *= along[coordinates[p * dimension + b]];
                        }
                    }
                    transport += term;
                }
                double g = (1 + a * profile[k]) / nvel;
                out[p * nvel + k] = da * profile[k] / nvel * rho + g * MODULATION * transport;
            }
        }
    }

    @Override
    public SemiDiscretization discretization() {
        return discretization;
    }

    /** rho, the node densities g_k rho and the marginal g_k, as the discretization represents them. */
    @Override
    public void exactFields(double t, double[][] out) {
        double[] values = new double[n];
        tabulate(t, values, new double[n]);
        for (int p = 0; p < points; p++) {
            double rho = 1 + MODULATION * product(p, values);
            out[0][p] = rho;
            for (int k = 0; k < nvel; k++) {
                out[1][p * nvel + k] = velocityProfile(t, k) * rho;
            }
        }
        for (int k = 0; k < nvel; k++) {
            out[2][k] = velocityProfile(t, k);
        }
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "f_e,k(t, x) = g_k(t) rho(t, x) with rho = 1 + 0.3 prod_a q(x_a - t/2),"
                + " q(s) = (exp(1.5 cos 2 pi s) - I0(1.5)) / (e^1.5 - I0(1.5))"
                + " and g_k = (1 + 0.4 cos(2 t) u_k)/%d, u_k = v_k,1 + v_k,2/2 centred and scaled to max 1 (the"
                + " collision vanishes for such products, so the errors show transport and the gain's balance)", nvel);
    }
}
