package meanfield.solvers.time;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LawsonTest {
    /** TwoModes that records the durations it is asked to propagate by, and optionally drops N. */
    private static final class Recording implements DiagonalSplitSystem {
        private final TwoModes modes = new TwoModes();
        private final boolean linearOnly;
        final List<Double> durations = new ArrayList<>();

        Recording(boolean linearOnly) {
            this.linearOnly = linearOnly;
        }

        @Override
        public int size() {
            return modes.size();
        }

        @Override
        public void propagate(double dt, double[] in, double[] out) {
            durations.add(dt);
            modes.propagate(dt, in, out);
        }

        @Override
        public void explicitPart(double t, double[] y, double[] out) {
            if (linearOnly) {
                Arrays.fill(out, 0.0);
            } else {
                modes.explicitPart(t, y, out);
            }
        }
    }

    static Stream<Named<Scheme>> lawsonSchemes() {
        return Schemes.all().stream().filter(s -> s.form() == SplitForm.DIAGONAL_SPLIT)
                .map(s -> Named.of(s.name(), s));
    }

    /** TwoModes that counts its evaluations of N. */
    private static final class Counting implements DiagonalSplitSystem {
        private final TwoModes modes = new TwoModes();
        int evaluations;

        @Override
        public int size() {
            return modes.size();
        }

        @Override
        public void propagate(double dt, double[] in, double[] out) {
            modes.propagate(dt, in, out);
        }

        @Override
        public void explicitPart(double t, double[] y, double[] out) {
            evaluations++;
            modes.explicitPart(t, y, out);
        }
    }

    /** One step by a fresh integrator, which cannot reuse a slope. */
    private static double[] freshStep(double t, double dt, double[] y) {
        double[] out = new double[y.length];
        new Lawson(new TwoModes(), Tableaux.RK4_FSAL).step(t, dt, y, out);
        return out;
    }

    @Test
    void onTheFirstSameAsLastTableauTheStepIsClassicalRk4BitForBit() {
        Lawson classical = new Lawson(new TwoModes(), Tableaux.RK4);
        Lawson fsal = new Lawson(new TwoModes(), Tableaux.RK4_FSAL);
        double[] a = TwoModes.START.clone();
        double[] b = TwoModes.START.clone();
        double[] nextA = new double[4];
        double[] nextB = new double[4];
        double dt = 0.05;
        for (int s = 0; s < 20; s++) {
            classical.step(s * dt, dt, a, nextA);
            double estimate = fsal.step(s * dt, dt, b, nextB);
            assertTrue(estimate > 0, "step " + s + ": the embedded solution differs from the step");
            System.arraycopy(nextA, 0, a, 0, 4);
            System.arraycopy(nextB, 0, b, 0, 4);
        }
        assertArrayEquals(a, b, 0.0);
    }

    @Test
    void aStepFromTheLastStepReusesItsLastSlopeAndGivesTheSameBits() {
        Counting system = new Counting();
        Lawson integrator = new Lawson(system, Tableaux.RK4_FSAL);
        double[] y = TwoModes.START.clone();
        double[] next = new double[4];
        double dt = 0.05;
        double t = 0.0;
        for (int s = 0; s < 10; s++) {
            double[] expected = freshStep(t, dt, y);
            integrator.step(t, dt, y, next);
            assertArrayEquals(expected, next, 0.0, "step " + s);
            // As the driver advances: the next step starts at the time of the last slope, t + 1 * dt.
            t += dt;
            double[] swap = y;
            y = next;
            next = swap;
        }
        assertEquals(5 + 9 * 4, system.evaluations, "five slopes in the first step, four in each later one");
    }

    @Test
    void aRetriedStepARestartedTimeOrAChangedStateRecomputesTheFirstSlope() {
        Counting system = new Counting();
        Lawson integrator = new Lawson(system, Tableaux.RK4_FSAL);
        double[] y = TwoModes.START.clone();
        double[] out = new double[4];
        double[] retried = new double[4];
        integrator.step(0.0, 0.1, y, out);
        // Rejected: the driver retries from the same y with a shorter step; out (not y) was the last step.
        integrator.step(0.0, 0.05, y, retried);
        assertArrayEquals(freshStep(0.0, 0.05, y), retried, 0.0, "retried step");
        assertEquals(10, system.evaluations);
        // The last step's bits at another time: N depends on t, so its slope does not apply.
        double[] later = new double[4];
        integrator.step(0.07, 0.05, retried, later);
        assertArrayEquals(freshStep(0.07, 0.05, retried), later, 0.0, "step at another time");
        assertEquals(15, system.evaluations);
        // The last step's time, but the caller changed the state in between.
        later[1] = Math.nextUp(later[1]);
        double[] changed = new double[4];
        integrator.step(0.12, 0.05, later, changed);
        assertArrayEquals(freshStep(0.12, 0.05, later), changed, 0.0, "step from a changed state");
        assertEquals(20, system.evaluations);
    }

    @Test
    void onTheFirstSameAsLastTableauTheEstimateIsAStepOverSixTimesTheLastTwoSlopes() {
        // y - yHat = h/6 (k4 - k5), both slopes at c = 1: no propagation enters the estimate.
        Recording system = new Recording(false);
        double dt = 0.1;
        double[] out = new double[4];
        double estimate = new Lawson(system, Tableaux.RK4_FSAL).step(0.0, dt, TwoModes.START, out);
        assertEquals(List.of(0.05, 0.05, 0.05, 0.05, 0.05), system.durations);
        double[] k4 = new double[4];
        double[] stage = new double[4];
        double[] k = new double[4];
        TwoModes modes = new TwoModes();
        // Y4 = P (P y + h k3), rebuilt from the definition to recover k4 independently of the engine.
        modes.explicitPart(0.0, TwoModes.START, k);
        for (int i = 0; i < 4; i++) {
            stage[i] = TwoModes.START[i] + dt / 2 * k[i];
        }
        modes.propagate(dt / 2, stage, stage);
        modes.explicitPart(dt / 2, stage, k);
        double[] py = new double[4];
        modes.propagate(dt / 2, TwoModes.START, py);
        for (int i = 0; i < 4; i++) {
            stage[i] = py[i] + dt / 2 * k[i];
        }
        modes.explicitPart(dt / 2, stage, k);
        for (int i = 0; i < 4; i++) {
            stage[i] = py[i] + dt * k[i];
        }
        modes.propagate(dt / 2, stage, stage);
        modes.explicitPart(dt, stage, k4);
        double[] k5 = new double[4];
        modes.explicitPart(dt, out, k5);
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            expected = Math.max(expected, Math.abs(dt / 6 * (k4[i] - k5[i])));
        }
        assertEquals(expected, estimate, 1e-15 + 1e-12 * expected);
    }

    /**
     * y' = L y + g(t) with L = diag(-1 + 6i, -8) and g = (0.7 e^{2it}, (0.4 - 0.3i) e^{-5it}): each
     * mode is z(t) = e^{lambda t} z(0) + G (e^{i w t} - e^{lambda t}) / (i w - lambda). In the
     * interaction picture the step is a quadrature of e^{-tL} g(t) at the stage times, so a stage
     * evaluated at the wrong time shows at once.
     */
    static final class ForcedLinearModes implements DiagonalSplitSystem {
        static final double[] START = {0.3, -0.2, 0.5, 0.4};
        private static final double[] RE = {-1, -8};
        private static final double[] IM = {6, 0};
        private static final double[] W = {2, -5};
        private static final double[] G_RE = {0.7, 0.4};
        private static final double[] G_IM = {0.0, -0.3};

        @Override
        public int size() {
            return 4;
        }

        @Override
        public void propagate(double dt, double[] in, double[] out) {
            ComplexModes.propagate(RE, IM, dt, in, out);
        }

        @Override
        public void explicitPart(double t, double[] y, double[] out) {
            for (int m = 0; m < 2; m++) {
                double c = Math.cos(W[m] * t);
                double s = Math.sin(W[m] * t);
                out[2 * m] = G_RE[m] * c - G_IM[m] * s;
                out[2 * m + 1] = G_RE[m] * s + G_IM[m] * c;
            }
        }

        static double[] exact(double t) {
            double[] z = new double[4];
            new ForcedLinearModes().propagate(t, START, z);
            for (int m = 0; m < 2; m++) {
                // (e^{i w t} - e^{lambda t}) / (i w - lambda), then times G.
                double g = Math.exp(RE[m] * t);
                double nr = Math.cos(W[m] * t) - g * Math.cos(IM[m] * t);
                double ni = Math.sin(W[m] * t) - g * Math.sin(IM[m] * t);
                double dr = -RE[m];
                double di = W[m] - IM[m];
                double den = dr * dr + di * di;
                double qr = (nr * dr + ni * di) / den;
                double qi = (ni * dr - nr * di) / den;
                z[2 * m] += G_RE[m] * qr - G_IM[m] * qi;
                z[2 * m + 1] += G_RE[m] * qi + G_IM[m] * qr;
            }
            return z;
        }
    }

    @ParameterizedTest
    @MethodSource("lawsonSchemes")
    void aLinearSystemForcedInTimeConvergesAtTheSchemesOrder(Scheme scheme) {
        double end = 2.0;
        double[] exact = ForcedLinearModes.exact(end);
        int[] steps = {40, 80, 160};
        double[] errors = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            errors[i] = Reference.distance(Reference.fixedSteps(scheme.build(new ForcedLinearModes()),
                    ForcedLinearModes.START, end, steps[i]), exact);
        }
        for (int i = 1; i < steps.length; i++) {
            double order = Math.log(errors[i - 1] / errors[i]) / Math.log(2);
            assertEquals(scheme.order(), order, 0.3, scheme.name() + ": observed order from " + steps[i - 1] + " to "
                    + steps[i] + " steps (errors " + errors[i - 1] + ", " + errors[i] + ")");
        }
    }

    @Test
    void onTheClassicalTableauItPropagatesFiveTimesByHalfASteps() {
        Recording system = new Recording(false);
        new Lawson(system, Tableaux.RK4).step(0.0, 0.1, TwoModes.START, new double[4]);
        assertEquals(List.of(0.05, 0.05, 0.05, 0.05, 0.05), system.durations);
    }

    @Test
    void aLastStageThatIsTheStepGivesTheStepWithOrWithoutEmbeddedWeights() {
        ButcherTableau embedded = Tableaux.DORMAND_PRINCE;
        ButcherTableau plain = new ButcherTableau(embedded.a(), embedded.b(), embedded.c());
        double[] a = new double[4];
        double[] b = new double[4];
        new Lawson(new TwoModes(), embedded).step(0.0, 0.1, TwoModes.START, a);
        new Lawson(new TwoModes(), plain).step(0.0, 0.1, TwoModes.START, b);
        assertArrayEquals(a, b, 0.0);
    }

    @Test
    void refusesAbscissasThatDecrease() {
        assertThrows(IllegalArgumentException.class, () -> new Lawson(new TwoModes(), Tableaux.SSP_RK3));
    }

    @ParameterizedTest
    @MethodSource("lawsonSchemes")
    void neverPropagatesBackwards(Scheme scheme) {
        Recording system = new Recording(false);
        scheme.build(system).step(0.0, 0.1, TwoModes.START, new double[4]);
        assertTrue(!system.durations.isEmpty() && system.durations.stream().allMatch(d -> d >= 0),
                "durations " + system.durations);
    }

    /** With N = 0 every stage and the step are the linear flow, so any wrong duration would show. */
    @ParameterizedTest
    @MethodSource("lawsonSchemes")
    void withoutExplicitPartAStepIsTheExactLinearFlow(Scheme scheme) {
        Recording system = new Recording(true);
        double dt = 0.07;
        double[] out = new double[4];
        double estimate = scheme.build(system).step(0.0, dt, TwoModes.START, out);
        double[] exact = new double[4];
        new TwoModes().propagate(dt, TwoModes.START, exact);
        for (int i = 0; i < 4; i++) {
            assertEquals(exact[i], out[i], 1e-15, "unknown " + i);
        }
        assertTrue(estimate <= 1e-15, "error estimate " + estimate);
    }
}
