package meanfield.solvers.nif;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

import org.hipparchus.special.Erf;

import meanfield.grids.CellAverages;
import meanfield.grids.GaussLegendre;
import meanfield.grids.UniformGrid;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.model.InvalidModelException.Part;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.run.ManufacturedSolution;
import meanfield.solvers.run.SemiDiscretization;

/**
 * A manufactured solution for the NIF finite volumes on the model's own drift, rate, kernel, reset
 * and sigma:
 * <pre>
 *   f_e(t, v) = phi(v) (1 + a(t) g(v)),   a(t) = 0.4 cos(2 t),
 *   phi = Gaussian of mean c and width s = (v_max - v_min)/16 normalized on the domain,
 *   g = tanh((v - c)/s) - int phi tanh((v - c)/s)     (so int phi g = 0: mass 1 for every t),
 * </pre>
 * c the reset v_R moved at least 7 s inside the domain (the flux through the ends is then below
 * 1e-10). f_e is positive (|a g| &lt; 0.45), fires at r_e(t) = int nu f_e &gt; 0, and drives the synapses
 * with J_e = r_e int w(xi, zeta) d zeta averaged over each label cell, which the label grid's
 * cell-averaged kernel computes exactly; the source S = d_t f_e + d_v[(mu + J_e) f_e] - sigma d_vv f_e
 * + nu f_e - delta(v - v_R) r_e is imposed as exact cell averages (face fluxes of f_e, the delta split
 * as the scheme splits its reset), so the discrete mass stays 1. The labels all carry the same f_e:
 * the errors show the order in v and in t, not in xi (whose quadrature is exact here).
 */
public final class NifManufactured implements ManufacturedSolution {
    private static final double AMPLITUDE = 0.4;
    private static final double FREQUENCY = 2.0;
    private static final int CELL_POINTS = 6;
    private static final int PANELS = 400;

    private final NifModel model;
    private final UniformGrid v;
    private final UniformGrid labels;
    private final NifFiniteVolume discretization;
    private final double centre;
    private final double width;
    private final double norm;
    private final double tanhMean;
    /** Cell averages of phi, phi g, nu phi and nu phi g. */
    private final double[] phiAverage;
    private final double[] phiGAverage;
    private final double[] firingAverage;
    private final double[] firingGAverage;
    /** phi, phi g and their v derivatives at the faces. */
    private final double[] phiFace;
    private final double[] phiGFace;
    private final double[] phiSlope;
    private final double[] phiGSlope;
    private final double rateMean;
    private final double rateModulation;
    /** Per label: the cell average of int w(xi, zeta) d zeta, i.e. J per unit rate. */
    private final double[] inputPerRate;
    /** mu at every label's faces, tabulated once for a drift without t; null otherwise. */
    private final double[] driftAtFaces;

    private NifManufactured(NifModel model, UniformGrid v, UniformGrid labels, ColumnPool pool) {
        if (model.threshold().isPresent()) {
            throw new InvalidModelException(Part.THRESHOLD, "no manufactured solution with a hard threshold: f(v_F) = 0"
                    + " ties f to the rate it fires at (use --reference finest or richardson)");
        }
        this.v = v;
        this.labels = labels;
        double length = v.max() - v.min();
        this.width = length / 16;
        this.centre = Math.max(v.min() + 7 * width, Math.min(v.max() - 7 * width, model.reset()));
        double lower = (v.min() - centre) / (width * Math.sqrt(2));
        double upper = (v.max() - centre) / (width * Math.sqrt(2));
        this.norm = 0.5 * Erf.erf(lower, upper);
        this.tanhMean = integral(x -> phi(x) * Math.tanh((x - centre) / width));
        this.rateMean = integral(x -> model.rate().value(x) * phi(x));
        this.rateModulation = integral(x -> model.rate().value(x) * phi(x) * g(x));
        this.model = new NifModel(model.reset(), model.sigma(), model.drift(), model.rate(), model.threshold(),
                model.kernel(), (x, xi) -> density(0, x));
        this.discretization = new NifFiniteVolume(this.model, v, labels, pool);
        this.phiAverage = CellAverages.of(this::phi, v, CELL_POINTS);
        this.phiGAverage = CellAverages.of(x -> phi(x) * g(x), v, CELL_POINTS);
        this.firingAverage = CellAverages.of(x -> model.rate().value(x) * phi(x), v, CELL_POINTS);
        this.firingGAverage = CellAverages.of(x -> model.rate().value(x) * phi(x) * g(x), v, CELL_POINTS);
        int nv = v.cells();
        this.phiFace = new double[nv + 1];
        this.phiGFace = new double[nv + 1];
        this.phiSlope = new double[nv + 1];
        this.phiGSlope = new double[nv + 1];
        for (int f = 0; f <= nv; f++) {
            double x = v.face(f);
            double p = phi(x);
            double z = (x - centre) / width;
            double th = Math.tanh(z);
            phiFace[f] = p;
            phiGFace[f] = p * g(x);
            phiSlope[f] = -z / width * p;
            phiGSlope[f] = phiSlope[f] * g(x) + p * (1 - th * th) / width;
        }
        double[] ones = new double[labels.cells()];
        java.util.Arrays.fill(ones, 1.0);
        this.inputPerRate = new double[labels.cells()];
        discretization.synapticInput(ones, inputPerRate);
        if (model.drift().dependsOnTime()) {
            this.driftAtFaces = null;
        } else {
            this.driftAtFaces = new double[labels.cells() * (nv + 1)];
            for (int l = 0; l < labels.cells(); l++) {
                for (int f = 0; f <= nv; f++) {
                    driftAtFaces[l * (nv + 1) + f] = model.drift().value(0.0, v.face(f), labels.center(l));
                }
            }
        }
        discretization.force(this::source);
    }

    /** The manufactured solution on the model's drift, rate, kernel, reset and sigma, on these grids. */
    public static NifManufactured of(NifModel model, UniformGrid v, UniformGrid labels, ColumnPool pool) {
        return new NifManufactured(model, v, labels, pool);
    }

    private double phi(double x) {
        double z = (x - centre) / width;
        return Math.exp(-0.5 * z * z) / (width * Math.sqrt(2 * Math.PI) * norm);
    }

    private double g(double x) {
        return Math.tanh((x - centre) / width) - tanhMean;
    }

    private static double amplitude(double t) {
        return AMPLITUDE * Math.cos(FREQUENCY * t);
    }

    private static double amplitudeRate(double t) {
        return -AMPLITUDE * FREQUENCY * Math.sin(FREQUENCY * t);
    }

    /** f_e(t, v). */
    public double density(double t, double x) {
        return phi(x) * (1 + amplitude(t) * g(x));
    }

    /** r_e(t) = int nu f_e dv, the same for every label. */
    public double rate(double t) {
        return rateMean + amplitude(t) * rateModulation;
    }

    /** Composite Gauss–Legendre over the v domain, accurate to round-off for the smooth integrands here. */
    private double integral(DoubleUnaryOperator f) {
        double h = (v.max() - v.min()) / PANELS;
        double sum = 0;
        for (int p = 0; p < PANELS; p++) {
            GaussLegendre rule = GaussLegendre.on(8, v.min() + p * h, v.min() + (p + 1) * h);
            for (int q = 0; q < rule.size(); q++) {
                sum += rule.weight(q) * f.applyAsDouble(rule.node(q));
            }
        }
        return sum;
    }

    /** Cell averages of S at time t, label-major like the state; zero flux through the domain's ends. */
    private void source(double t, double[] out) {
        int nv = v.cells();
        double h = v.h();
        double a = amplitude(t);
        double da = amplitudeRate(t);
        double r = rate(t);
        double sigma = model.sigma();
        for (int l = 0; l < labels.cells(); l++) {
            double xi = labels.center(l);
            double input = r * inputPerRate[l];
            int base = l * nv;
            double fluxLeft = 0;
            for (int k = 0; k < nv; k++) {
                double fluxRight = 0;
                if (k + 1 < nv) {
                    int f = k + 1;
                    double mu = driftAtFaces != null ? driftAtFaces[l * (nv + 1) + f]
                            : model.drift().value(t, v.face(f), xi);
                    fluxRight = (mu + input) * (phiFace[f] + a * phiGFace[f]) - sigma * (phiSlope[f] + a * phiGSlope[f]);
                }
                out[base + k] = da * phiGAverage[k] + (fluxRight - fluxLeft) / h + firingAverage[k]
                        + a * firingGAverage[k] - r * discretization.resetProfile(k);
                fluxLeft = fluxRight;
            }
        }
    }

    @Override
    public SemiDiscretization discretization() {
        return discretization;
    }

    /** rate: r_e(t) per label; density: cell averages of f_e(t) per label. */
    @Override
    public void exactFields(double t, double[][] out) {
        int nv = v.cells();
        double a = amplitude(t);
        java.util.Arrays.fill(out[0], rate(t));
        for (int l = 0; l < labels.cells(); l++) {
            for (int k = 0; k < nv; k++) {
                out[1][l * nv + k] = phiAverage[k] + a * phiGAverage[k];
            }
        }
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "f_e(t, v) = phi(v) (1 + 0.4 cos(2 t) g(v)) for every label: phi the Gaussian"
                + " of mean %.6g and width %.6g normalized on [%.6g, %.6g], g = tanh((v - %.6g)/%.6g) - %.3g;"
                + " r_e(t) = %.6g + %.6g * 0.4 cos(2 t)", centre, width, v.min(), v.max(), centre, width, tanhMean,
                rateMean, rateModulation);
    }
}
