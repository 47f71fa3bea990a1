package meanfield.solvers.time;

import java.util.Arrays;

/**
 * Lawson's integrating-factor method (Lawson 1967) on any explicit tableau for y' = L y + N(t, y)
 * with e^{t L} exact: the tableau applied to v = e^{-t L} y. Written for y, with
 * k_j = N(t + c_j h, Y_j),
 * <pre>
 *   Y_i = e^{c_i h L} y + h sum_{j<i} a_ij e^{(c_i - c_j) h L} k_j
 *   y+  = e^{h L} y   + h sum_j   b_j  e^{(1 - c_j) h L} k_j      (embedded solution: bHat for b)
 * </pre>
 * The linear part is integrated exactly and sets no step restriction; the explicit part keeps the
 * tableau's stability region. Only forward propagations occur, so the abscissas must not decrease
 * and not exceed 1: e^{t L} with t &lt; 0 undoes diffusion, which amplifies round-off without bound.
 * If N never changes an invariant of L's flow (a mode where L = 0 and N = 0, such as the mass of
 * the spectral solvers), every stage and the step keep it bit for bit.
 * <p>
 * Each combination is summed Horner-like over the distinct abscissas: the partial sum is carried
 * from one abscissa to the next, one propagation per gap crossed with new slopes, none for a gap of
 * zero. A combination whose first slopes sit at c &gt; 0 starts from e^{c h L} y, formed once per
 * step and abscissa. On the classical RK4 tableau (IFRK4 of Cox–Matthews 2002) this is, with
 * P = e^{L h/2},
 * <pre>
 *   k1 = N(y),  k2 = N(P (y + h/2 k1)),  k3 = N(P y + h/2 k2),  k4 = N(P (P y + h k3))
 *   y+ = P (P (y + h/6 k1) + h/3 (k2 + k3)) + h/6 k4
 * </pre>
 * five propagations, all by h/2, so a system that caches factors per duration keeps one set.
 * <p>
 * The embedded solution is formed as y+ + h sum_j (bHat_j - b_j) e^{(1 - c_j) h L} k_j: only the
 * stages where the weights differ enter, and on {@link Tableaux#RK4_FSAL} (they differ at the two
 * stages at c = 1) the estimate costs no propagation at all.
 * <p>
 * First same as last: when the last stage is the step (and is evaluated, which it is for an
 * embedded pair), its slope is N(t + h, y+), the first slope of the next step if that step starts
 * from the same bits at the same time. The step keeps a copy of y+ and its time and reuses the
 * slope only after comparing both bit for bit: a rejected step (retried from the old y), a caller
 * that changed y, or a resumed run recomputes it. This relies on N being a function of (t, y)
 * only ({@link DiagonalSplitSystem#explicitPart}), and it saves one evaluation of N per step.
 */
public final class Lawson implements TimeIntegrator {
    private final DiagonalSplitSystem system;
    private final double[][] a;
    private final double[] b;
    private final double[] c;
    /** bHat - b where the tableau has embedded weights; null otherwise. */
    private final double[] difference;
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
    /** Whether the last slope of a step is the first of the next (last stage = step, evaluated for the estimate). */
    private final boolean firstSameAsLast;
    /** The step last returned and the time of its slope, kept to recognise the next step's start. */
    private final double[] lastStep;
    private double lastStepTime;
    private boolean lastSlopeValid;

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
        this.c = c;
        double[] bHat = tableau.bHat();
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
            difference = new double[stages];
            for (int j = 0; j < stages; j++) {
                difference[j] = bHat[j] - b[j];
            }
        } else {
            difference = null;
        }
        this.slopes = new double[stages][size];
        this.stage = new double[size];
        this.embedded = bHat == null ? null : new double[size];
        // The last abscissa is 1 when the last stage is the step (its row sums to c and equals b, which sums to 1).
        this.firstSameAsLast = lastStageIsStep && bHat != null && c[stages - 1] == 1.0;
        this.lastStep = firstSameAsLast ? new double[size] : null;
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
        if (lastSlopeValid && t == lastStepTime && Arrays.equals(y, lastStep)) {
            // N(t, y) is the last slope of the previous step: swap the buffers instead of evaluating N again.
            double[] first = slopes[stages - 1];
            slopes[stages - 1] = slopes[0];
            slopes[0] = first;
        } else {
            system.explicitPart(t, y, slopes[0]);
        }
        lastSlopeValid = false;
        for (int i = 1; i < stages; i++) {
            // A last stage equal to the step is formed in out directly; its slope serves the embedded solution only.
            double[] target = lastStageIsStep && i == stages - 1 ? out : stage;
            combine(y, dt, a[i], i, level[i], target);
            if (target == out && embedded == null) {
                break;
            }
            system.explicitPart(t + c[i] * dt, target, slopes[i]);
        }
        if (!lastStageIsStep) {
            combine(y, dt, b, stages, top, out);
        }
        if (embedded == null) {
            return 0.0;
        }
        embedded(out, dt);
        if (firstSameAsLast) {
            System.arraycopy(out, 0, lastStep, 0, out.length);
            lastStepTime = t + c[stages - 1] * dt;
            lastSlopeValid = true;
        }
        return system.errorNorm(out, embedded);
    }

    /**
     * embedded = out + h sum_j (bHat_j - b_j) e^{(1 - c_j) h L} k_j, summed Horner-like from the
     * first stage where the weights differ: the correction alone is propagated, not y again.
     */
    private void embedded(double[] out, double h) {
        int size = out.length;
        int current = -1;
        for (int j = 0; j < difference.length; j++) {
            double factor = h * difference[j];
            if (factor == 0.0) {
                continue;
            }
            if (current < 0) {
                Arrays.fill(embedded, 0.0);
            } else if (level[j] != current) {
                system.propagate((levels[level[j]] - levels[current]) * h, embedded, embedded);
            }
            current = level[j];
            double[] slope = slopes[j];
            for (int n = 0; n < size; n++) {
                embedded[n] += factor * slope[n];
            }
        }
        if (current < 0) {
            System.arraycopy(out, 0, embedded, 0, size);
            return;
        }
        if (current != top) {
            system.propagate((levels[top] - levels[current]) * h, embedded, embedded);
        }
        for (int n = 0; n < size; n++) {
            embedded[n] += out[n];
        }
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
