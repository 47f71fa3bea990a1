package meanfield.solvers.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered scheme against a DormandPrince853 reference on a small system of its split
 * form: the observed order over a refinement of fixed steps, and for an adaptive scheme the
 * scaling of its one-step error estimate. A scheme is tested the day it is registered; a scheme
 * of a form without a test system here fails.
 */
class SchemeRegistryTest {
    /** The refinement every scheme runs: coarse enough to stay above round-off at fifth order, fine enough for first order to be asymptotic. */
    private static final int[] STEPS = {64, 128, 256};
    private static final double ORDER_TOLERANCE = 0.25;
    private static final double ESTIMATE_TOLERANCE = 0.3;

    /**
     * A test system of one split form: a fresh system for each run, its start and end, the
     * reference solution at the end, and the largest of three halving steps over which one-step
     * error estimates are asymptotic yet above round-off.
     */
    private record Problem(Supplier<Object> system, double[] start, double end, double[] reference,
            double estimateStep) {
    }

    private static final Map<SplitForm, Problem> PROBLEMS = problems();

    private static Map<SplitForm, Problem> problems() {
        Map<SplitForm, Problem> problems = new EnumMap<>(SplitForm.class);
        ForcedRotor rotor = new ForcedRotor();
        // Up to t = 4: over a shorter span Dormand-Prince's leading error term is small enough for the next to blur its order.
        problems.put(SplitForm.EXPLICIT, new Problem(ForcedRotor::new, ForcedRotor.START, 4.0,
                Reference.dormandPrince853(rotor::derivative, ForcedRotor.START, 4.0), 1.0 / 16));
        TwoModes modes = new TwoModes();
        // The mode decaying at rate 30 makes Lawson's estimate asymptotic only from 30 dt ~ 1/4 down.
        problems.put(SplitForm.DIAGONAL_SPLIT, new Problem(TwoModes::new, TwoModes.START, 1.0,
                Reference.dormandPrince853(modes::full, TwoModes.START, 1.0), 1.0 / 128));
        double[] species = {2.0, 1.0, 0.5};
        problems.put(SplitForm.PRODUCTION_DESTRUCTION, new Problem(DensePds::nonlinear, species, 2.0,
                Reference.dormandPrince853(DensePds.nonlinear()::derivative, species, 2.0), 1.0 / 64));
        StiffDrift drift = new StiffDrift();
        problems.put(SplitForm.IMEX, new Problem(StiffDrift::new, StiffDrift.START, 2.0,
                Reference.dormandPrince853(drift::full, StiffDrift.START, 2.0), 1.0 / 32));
        return problems;
    }

    static Stream<Named<Scheme>> schemes() {
        return Schemes.all().stream().map(scheme -> Named.of(scheme.name(), scheme));
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void convergesAtItsOrderAndEstimatesItsError(Scheme scheme, TestReporter reporter) {
        Problem problem = PROBLEMS.get(scheme.form());
        assertNotNull(problem, "no test system of the form " + scheme.form() + ", which " + scheme.name()
                + " steps: add one to this test");

        double[] errors = new double[STEPS.length];
        for (int i = 0; i < STEPS.length; i++) {
            TimeIntegrator integrator = scheme.build(problem.system().get());
            errors[i] = Reference.distance(Reference.fixedSteps(integrator, problem.start(), problem.end(), STEPS[i]),
                    problem.reference());
        }
        StringBuilder orders = new StringBuilder();
        for (int i = 1; i < STEPS.length; i++) {
            double order = log2(errors[i - 1] / errors[i]);
            orders.append(String.format(" %.3f", order));
            assertEquals(scheme.order(), order, ORDER_TOLERANCE, scheme.name() + ": observed order from "
                    + STEPS[i - 1] + " to " + STEPS[i] + " steps (errors " + errors[i - 1] + ", " + errors[i] + ")");
        }
        reporter.publishEntry(scheme.name() + " observed orders", orders.toString().trim());

        if (!scheme.adaptive()) {
            return;
        }
        int expected = Math.min(scheme.order(), scheme.embeddedOrder()) + 1;
        double[] estimates = new double[3];
        for (int i = 0; i < estimates.length; i++) {
            double dt = problem.estimateStep() / (1 << i);
            double[] out = new double[problem.start().length];
            estimates[i] = scheme.build(problem.system().get()).step(0.0, dt, problem.start(), out);
        }
        StringBuilder exponents = new StringBuilder();
        for (int i = 1; i < estimates.length; i++) {
            double exponent = log2(estimates[i - 1] / estimates[i]);
            exponents.append(String.format(" %.3f", exponent));
            assertEquals(expected, exponent, ESTIMATE_TOLERANCE, scheme.name() + ": the error estimate of one step"
                    + " should scale as dt^" + expected + " (estimates " + estimates[i - 1] + ", " + estimates[i]
                    + ")");
        }
        reporter.publishEntry(scheme.name() + " estimate exponents", exponents.toString().trim());
    }

    @Test
    void namesAreUniqueLowercaseWordsWithHyphens() {
        Set<String> seen = new HashSet<>();
        for (Scheme scheme : Schemes.all()) {
            assertTrue(scheme.name().matches("[a-z0-9-]+"), "scheme name " + scheme.name());
            assertTrue(seen.add(scheme.name()), "scheme name " + scheme.name() + " registered twice");
        }
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
