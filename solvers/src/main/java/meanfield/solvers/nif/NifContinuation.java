package meanfield.solvers.nif;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A branch of stationary states followed in a parameter lambda by pseudo-arclength continuation
 * (Keller): the unknowns u = (J, lambda), a tangent t of the curve G(J, lambda) = 0, a predictor
 * u + ds t and Newton on G = 0 with t . (u - u_pred) = 0, so the branch goes around folds. A fold
 * is where the tangent's lambda component changes sign; it is refined by the secant method on
 * that component along the arclength. Each point's stability comes from {@link NifStability}; a
 * change of the sign of the leading real part is reported as a loss or gain of stability, a
 * complex leading pair marking the onset of oscillations (a Hopf point).
 */
public final class NifContinuation {
    /** One point of the branch. */
    public record Point(double value, NifStationary.State state, NifStability.Spectrum spectrum) {
    }

    /** A fold (limit point) of the branch. */
    public record Fold(double value, double meanRate) {
    }

    /** Where the leading eigenvalue's real part changed sign, between two points. */
    public record StabilityChange(double value, double meanRate, boolean toStable, boolean oscillatory) {
    }

    /** The branch, its folds and stability changes, and why it ended. */
    public record Branch(List<Point> points, List<Fold> folds, List<StabilityChange> changes, String end) {
    }

    /** Newton's tolerance on max |J - C r| relative to 1 + max |J|. */
    public static final double TOLERANCE = 1e-11;
    private static final int CORRECTOR_ITERATIONS = 12;

    private final DoubleFunction<NifStationary> family;
    private final double from;
    private final double to;
    private final int steps;
    private final int nl;

    /**
     * @param family the stationary problem at each value of the parameter (its discretization built
     *               for that value)
     */
    public NifContinuation(DoubleFunction<NifStationary> family, double from, double to, int steps) {
        this.family = family;
        this.from = from;
        this.to = to;
        this.steps = steps;
        this.nl = family.apply(from).system().labelGrid().cells();
    }

    /** G(J, lambda) into out; returns the stationary problem at lambda (its state then that of J). */
    private NifStationary residual(double[] j, double lambda, double[] out) {
        NifStationary s = family.apply(lambda);
        s.evaluate(j, out);
        return s;
    }

    /** dG/dlambda by a forward difference. */
    private double[] parameterDerivative(double[] j, double lambda, double[] g) {
        double delta = 1e-7 * Math.max(1, Math.abs(lambda));
        double[] shifted = new double[nl];
        residual(j, lambda + delta, shifted);
        for (int k = 0; k < nl; k++) {
            shifted[k] = (shifted[k] - g[k]) / delta;
        }
        return shifted;
    }

    /**
     * The augmented matrix [[G_J, G_lambda], [t^T]] (nl + 1 square, row-major) at a point whose
     * residual g was just evaluated by s.
     */
    private double[] augmented(NifStationary s, double[] j, double lambda, double[] g, double[] tangent) {
        int size = nl + 1;
        double[] a = new double[size * size];
        double[] gj = new double[nl * nl];
        s.jacobian(gj);
        double[] gl = parameterDerivative(j, lambda, g);
        // The jacobian above is that of s at j; parameterDerivative used another instance, so s is untouched.
        for (int k = 0; k < nl; k++) {
            System.arraycopy(gj, k * nl, a, k * size, nl);
            a[k * size + nl] = gl[k];
        }
        System.arraycopy(tangent, 0, a, nl * size, size);
        return a;
    }

    private static double[] solve(double[] a, int size, double[] rhs) {
        int[] piv = new int[size];
        if (!DenseLu.factor(a, size, piv)) {
            return null;
        }
        double[] x = rhs.clone();
        DenseLu.solve(a, size, piv, x, 0);
        return x;
    }

    private static double[] normalized(double[] t) {
        double s = 0;
        for (double x : t) {
            s += x * x;
        }
        s = Math.sqrt(s);
        double[] out = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = t[i] / s;
        }
        return out;
    }

    /** A corrected point: inputs, parameter, the new tangent, the state, Newton's iterations. */
    private record Corrected(double[] j, double lambda, double[] tangent, NifStationary.State state, int iterations) {
    }

    /** Newton on (G = 0, t . (u - u_pred) = 0) from the predictor; null if it does not converge. */
    private Corrected correct(double[] predictedJ, double predictedLambda, double[] tangent) {
        double[] j = predictedJ.clone();
        double lambda = predictedLambda;
        double[] g = new double[nl];
        int size = nl + 1;
        for (int it = 0; it < CORRECTOR_ITERATIONS; it++) {
            NifStationary s = residual(j, lambda, g);
            double norm = NifStationary.maxNorm(g);
            if (Double.isNaN(norm)) {
                return null;
            }
            double scale = 1 + NifStationary.maxNorm(j);
            double[] a = augmented(s, j, lambda, g, tangent);
            if (norm <= TOLERANCE * scale) {
                // Converged: the new tangent solves [G_J G_l; t_old] t = (0, 1), oriented along the old one.
                double[] e = new double[size];
                e[nl] = 1;
                double[] t = solve(a, size, e);
                if (t == null) {
                    return null;
                }
                t = normalized(t);
                return new Corrected(j, lambda, t, s.state(j, norm, it), it);
            }
            double[] rhs = new double[size];
            for (int k = 0; k < nl; k++) {
                rhs[k] = -g[k];
            }
            double arc = 0;
            for (int k = 0; k < nl; k++) {
                arc += tangent[k] * (j[k] - predictedJ[k]);
            }
            arc += tangent[nl] * (lambda - predictedLambda);
            rhs[nl] = -arc;
            double[] d = solve(a, size, rhs);
            if (d == null) {
                return null;
            }
            for (int k = 0; k < nl; k++) {
                j[k] += d[k];
            }
            lambda += d[nl];
        }
        return null;
    }

    /** Follows the branch from {@code from} towards {@code to}; {@code progress} gets the fraction done. */
    public Branch trace(java.util.function.DoubleConsumer progress) {
        List<Point> points = new ArrayList<>();
        List<Fold> folds = new ArrayList<>();
        List<StabilityChange> changes = new ArrayList<>();
        NifStationary first = family.apply(from);
        NifStationary.State start = first.solve(null, TOLERANCE, 50);
        points.add(new Point(from, start, NifStability.of(first, start)));
        double[] j = start.input();
        double lambda = from;
        double range = Math.abs(to - from);
        double direction = Math.signum(to - from);
        // The first tangent: G_J t_J = -G_l, t_l = direction.
        double[] g = new double[nl];
        NifStationary s = residual(j, lambda, g);
        double[] gj = new double[nl * nl];
        s.jacobian(gj);
        double[] gl = parameterDerivative(j, lambda, g);
        double[] tj = solve(gj, nl, scaled(gl, -direction));
        if (tj == null) {
            return new Branch(points, folds, changes, "the starting state is singular (a fold at the start)");
        }
        double[] tangent = new double[nl + 1];
        System.arraycopy(tj, 0, tangent, 0, nl);
        tangent[nl] = direction;
        tangent = normalized(tangent);
        double maxStep = 2 * range / steps;
        double ds = range / steps;
        double minStep = 1e-7 * range;
        String end = null;
        int limit = 20 * steps;
        while (end == null) {
            if (points.size() >= limit) {
                end = "stopped after " + limit + " points";
                break;
            }
            double[] pj = new double[nl];
            for (int k = 0; k < nl; k++) {
                pj[k] = j[k] + ds * tangent[k];
            }
            double pl = lambda + ds * tangent[nl];
            boolean last = (pl - to) * direction >= 0;
            Corrected next;
            if (last) {
                // Land on the end value exactly: a natural-parameter solve from the predictor.
                NifStationary atEnd = family.apply(to);
                double fraction = (to - lambda) / (pl - lambda);
                for (int k = 0; k < nl; k++) {
                    pj[k] = j[k] + fraction * (pj[k] - j[k]);
                }
                try {
                    NifStationary.State state = atEnd.solve(pj, TOLERANCE, 30);
                    next = new Corrected(state.input(), to, tangent, state, 0);
                } catch (NifStationary.NotConverged e) {
                    next = null;
                }
            } else {
                next = correct(pj, pl, tangent);
            }
            if (next == null || next.state().minDensity() < -1e-6 * maxDensity(next.state())) {
                ds /= 2;
                if (ds < minStep) {
                    end = "the continuation could not proceed beyond " + lambda + " (Newton failed at the smallest step)";
                }
                continue;
            }
            String unresolved = family.apply(next.lambda()).system().unresolved(next.state());
            if (unresolved != null) {
                end = String.format(java.util.Locale.ROOT, "the branch left what the v grid resolves at %.6g (mean"
                        + " rate %.6g: %s); refine grid.v to follow it", next.lambda(), next.state().meanRate(),
                        unresolved);
                break;
            }
            Fold fold = null;
            if (!last && next.tangent()[nl] * tangent[nl] < 0) {
                fold = refineFold(j, lambda, tangent, ds);
                folds.add(fold);
            }
            // Orient the new tangent along the old one.
            double dot = 0;
            for (int k = 0; k <= nl; k++) {
                dot += next.tangent()[k] * tangent[k];
            }
            tangent = dot < 0 ? scaled(next.tangent(), -1) : next.tangent();
            NifStability.Spectrum spectrum = NifStability.of(family.apply(next.lambda()), next.state());
            Point previous = points.get(points.size() - 1);
            points.add(new Point(next.lambda(), next.state(), spectrum));
            if (previous.spectrum().stable() != spectrum.stable()) {
                // At a fold a real eigenvalue crosses zero exactly there (saddle-node); elsewhere the midpoint.
                changes.add(new StabilityChange(fold != null ? fold.value() : (previous.value() + next.lambda()) / 2,
                        fold != null ? fold.meanRate() : (previous.state().meanRate() + next.state().meanRate()) / 2,
                        spectrum.stable(),
                        Math.abs(spectrum.im().length > 0 ? spectrum.im()[0] : 0) > 1e-8
                                || Math.abs(previous.spectrum().im().length > 0 ? previous.spectrum().im()[0] : 0) > 1e-8));
            }
            j = next.j();
            lambda = next.lambda();
            progress.accept(Math.min(1, Math.abs(lambda - from) / range));
            if (last) {
                end = "reached " + to;
            } else if ((lambda - from) * direction < 0) {
                end = "the branch turned back past the start value " + from;
            } else if (next.iterations() <= 3) {
                ds = Math.min(maxStep, ds * 1.5);
            }
        }
        return new Branch(points, folds, changes, end);
    }

    private static double maxDensity(NifStationary.State state) {
        double max = 0;
        for (double f : state.density()) {
            max = Math.max(max, f);
        }
        return max;
    }

    private static double[] scaled(double[] x, double factor) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = factor * x[i];
        }
        return out;
    }

    /**
     * The fold between the point (j, lambda) and the one at arclength ds along tangent: the secant
     * method on the tangent's lambda component as a function of the arclength.
     */
    private Fold refineFold(double[] j, double lambda, double[] tangent, double ds) {
        double s0 = 0;
        double f0 = tangent[tangent.length - 1];
        double s1 = ds;
        Corrected c1 = at(j, lambda, tangent, s1);
        double f1 = c1 == null ? Double.NaN : lambdaComponent(c1, tangent);
        Corrected best = c1;
        for (int it = 0; it < 30 && c1 != null && Math.abs(f1) > 1e-12; it++) {
            double s2 = s1 - f1 * (s1 - s0) / (f1 - f0);
            if (!(s2 > 0 && s2 < ds * 1.5)) {
                s2 = (s0 + s1) / 2;
            }
            Corrected c2 = at(j, lambda, tangent, s2);
            if (c2 == null) {
                break;
            }
            s0 = s1;
            f0 = f1;
            s1 = s2;
            f1 = lambdaComponent(c2, tangent);
            best = c2;
            if (Math.abs(s1 - s0) < 1e-13 * Math.abs(ds)) {
                break;
            }
        }
        if (best == null) {
            return new Fold(lambda, Double.NaN);
        }
        return new Fold(best.lambda(), best.state().meanRate());
    }

    private Corrected at(double[] j, double lambda, double[] tangent, double s) {
        double[] pj = new double[nl];
        for (int k = 0; k < nl; k++) {
            pj[k] = j[k] + s * tangent[k];
        }
        return correct(pj, lambda + s * tangent[nl], tangent);
    }

    /** The lambda component of a corrected point's tangent, oriented along the reference tangent. */
    private static double lambdaComponent(Corrected c, double[] reference) {
        double dot = 0;
        for (int k = 0; k < reference.length; k++) {
            dot += c.tangent()[k] * reference[k];
        }
        double t = c.tangent()[reference.length - 1];
        return dot < 0 ? -t : t;
    }
}
