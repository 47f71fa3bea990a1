package meanfield.solvers.time;

import java.util.Arrays;

/**
 * Lawson's integrating-factor method (Lawson 1967) on any explicit tableau for y' = L y + N(y)
 * with e^{t L} exact: the tableau applied to v = e^{-t L} y. Written for y, with k_j = N(Y_j),
 * <pre>
 *   Y_i = e^{c_i h L} y + h sum_{j<i} a_ij e^{(c_i - c_j) h L} k_j
 *   y+  = e^{h L} y   + h sum_j   b_j  e^{(1 - c_j) h L} k_j      (embedded solution: bHat for b)
 * </pre>
 * Only forward propagations occur, so the abscissas must not decrease and not exceed 1: e^{t L}
 * with t &lt; 0 undoes diffusion, which amplifies round-off without bound.
 * <p>
 * Each combination is summed Horner-like over the distinct abscissas: the partial sum is carried
 * from one abscissa to the next, one propagation per gap crossed with new slopes, none for a gap of
 * zero. A combination whose first slopes sit at c &gt; 0 starts from e^{c h L} y, formed once per
 * step and abscissa. On the classical RK4 tableau this is the five propagations of
 * {@link LawsonRk4}, all by h/2, so a system that caches factors per duration keeps one set.
 */
public final class Lawson implements TimeIntegrator {
    private final DiagonalSplitSystem system;
    private final double[][] a;
    private final double[] b;
    private final double[] bHat;
    private final boolean lastStageIsStep;
    /** The distinct abscissas and 1, increasing; level[j] indexes the abscissa of stage j. */
    private final double[] levels;
    private final int[] level;
    private final int top;
    /** e^{levels[l] h L} y for the levels that some combination starts from; null elsewhere. */
    private final double[][] propagatedStart;
    private final boolean[] propagatedValid;
    private final double[][] slopes;
    private final double[] stage;
    private final double[] embedded;

    public Lawson(DiagonalSplitSystem system, ButcherTableau tableau) {
        double[] c = tableau.c();
        if (!tableau.abscissasNonDecreasing() || c[c.length - 1] > 1.0) {
            throw new IllegalArgumentException("Lawson's method propagates by (c_i - c_j) h and (1 - c_j) h, which"
                    + " must not be negative: it needs abscissas that never decrease and stay <= 1, got "
                    + Arrays.toString(c));
        }
        this.system = system;
        this.a = tableau.a();
        this.b = tableau.b();
        this.bHat = tableau.bHat();
        this.lastStageIsStep = tableau.lastStageIsStep();
        int stages = tableau.stages();
        this.level = new int[stages];
        double[] distinct = new double[stages + 1];
        int count = 0;
        for (int j = 0; j < stages; j++) {
            if (count == 0 || c[j] != distinct[count - 1]) {
                distinct[count++] = c[j];
            }
            level[j] = count - 1;
        }
        if (distinct[count - 1] != 1.0) {
            distinct[count++] = 1.0;
        }
        this.levels = Arrays.copyOf(distinct, count);
        this.top = count - 1;
        int size = system.size();
        this.propagatedStart = new double[count][];
        this.propagatedValid = new boolean[count];
        for (int i = 1; i < stages; i++) {
            reserveStart(a[i], i, level[i], size);
        }
        reserveStart(b, stages, top, size);
        if (bHat != null) {
            reserveStart(bHat, stages, top, size);
        }
        this.slopes = new double[stages][size];
        this.stage = new double[size];
        this.embedded = bHat == null ? null : new double[size];
    }

    /** Allocates e^{c h L} y for the level a combination starts from, unless that is y itself. */
    private void reserveStart(double[] weights, int count, int targetLevel, int size) {
        int start = startLevel(weights, count, targetLevel);
        if (start > 0 && propagatedStart[start] == null) {
            propagatedStart[start] = new double[size];
        }
    }

    /** The level of the first nonzero weight, or the target level if there is none. */
    private int startLevel(double[] weights, int count, int targetLevel) {
        for (int j = 0; j < count; j++) {
            if (weights[j] != 0.0) {
                return level[j];
            }
        }
        return targetLevel;
    }

    @Override
    public double step(double t, double dt, double[] y, double[] out) {
        int stages = b.length;
        Arrays.fill(propagatedValid, false);
        system.explicitPart(y, slopes[0]);
        for (int i = 1; i < stages; i++) {
            // A last stage equal to the step is formed in out directly; its slope serves the embedded solution only.
            double[] target = lastStageIsStep && i == stages - 1 ? out : stage;
            combine(y, dt, a[i], i, level[i], target);
            if (target == out && embedded == null) {
                break;
            }
            system.explicitPart(target, slopes[i]);
        }
        if (!lastStageIsStep) {
            combine(y, dt, b, stages, top, out);
        }
        if (embedded == null) {
            return 0.0;
        }
        combine(y, dt, bHat, stages, top, embedded);
        return system.errorNorm(out, embedded);
    }

    /** target = e^{levels[targetLevel] h L} y + h sum_{j < count} weights_j e^{(levels[targetLevel] - c_j) h L} k_j. */
    private void combine(double[] y, double h, double[] weights, int count, int targetLevel, double[] target) {
        int size = y.length;
        int current = startLevel(weights, count, targetLevel);
        System.arraycopy(propagatedY(current, h, y), 0, target, 0, size);
        for (int j = 0; j < count; j++) {
            double factor = h * weights[j];
            if (factor == 0.0) {
                continue;
            }
            if (level[j] != current) {
                system.propagate((levels[level[j]] - levels[current]) * h, target, target);
                current = level[j];
            }
            double[] slope = slopes[j];
            for (int n = 0; n < size; n++) {
                target[n] += factor * slope[n];
            }
        }
        if (current != targetLevel) {
            system.propagate((levels[targetLevel] - levels[current]) * h, target, target);
        }
    }

    /** e^{levels[l] h L} y, propagated from the highest level below already formed in this step. */
    private double[] propagatedY(int l, double h, double[] y) {
        if (l == 0) {
            return y;
        }
        if (!propagatedValid[l]) {
            int from = l - 1;
            while (from > 0 && !propagatedValid[from]) {
                from--;
            }
            double[] source = from == 0 ? y : propagatedStart[from];
            system.propagate((levels[l] - levels[from]) * h, source, propagatedStart[l]);
            propagatedValid[l] = true;
        }
        return propagatedStart[l];
    }
}
