package meanfield.app.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import meanfield.app.problem.ProblemException;

class FormulaTest {

    @Test
    void unaryMinusBindsLooserThanPowerAsInTheUsualSyntax() {
        Formula f = Formula.compile("k", "exp(-(v - 1)^2 / 2) - v^2", "v");
        assertEquals(Math.exp(-2) - 9, f.value(3.0), 1e-15);
    }

    @Test
    void knowsTheExtraFunctionsAndConstants() {
        Formula f = Formula.compile("k", "min(x, 1) + max(x, 2) + step(x - 0.5) + step(-1) + pi + e", "x");
        assertEquals(0.75 + 2 + 1 + 0 + Math.PI + Math.E, f.value(0.75), 1e-15);
        assertEquals(1.0, Formula.compile("k", "step(0)", "x").value(5), 0.0);
    }

    @Test
    void evaluatesWithVariablesInTheDeclaredOrder() {
        Formula w = Formula.compile("nif.kernel", "xi - 2 * zeta", "xi", "zeta");
        assertEquals(0.3 - 1.0, w.value(0.3, 0.5), 1e-15);
        Formula mu = Formula.compile("nif.drift", "t + 10 * v + 100 * xi", "t", "v", "xi");
        assertEquals(1 + 20 + 300, mu.value(1, 2, 3), 1e-12);
    }

    @Test
    void anUnknownVariableOrBadSyntaxNamesTheKey() {
        ProblemException unknown = assertThrows(ProblemException.class, () -> Formula.compile("nif.rate", "x + 1", "v"));
        assertTrue(unknown.getMessage().startsWith("nif.rate: "), unknown.getMessage());
        ProblemException syntax = assertThrows(ProblemException.class, () -> Formula.compile("nif.rate", "(v + 1", "v"));
        assertTrue(syntax.getMessage().startsWith("nif.rate: "), syntax.getMessage());
    }

    @Test
    void compiledFormulasAgreeWithTheInterpreterOnPrecedenceFunctionsAndConstants() {
        String[] texts = {"-v^2 + 2^-1 * v", "2^3^2 / 64 - v", "exp(-(v - 0.5 - 0.3 * cos(2 * pi * xi))^2 / (2 * 0.15^2))",
            "5 / (1 + exp(-(v - 1) / 0.2))", "min(v, xi) * max(-v, 2) + step(v - xi) - abs(v) % 0.7",
            "sqrt(abs(v)) + log(1 + xi^2) + tanh(v) * e - +xi"};
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (String text : texts) {
            Formula f = Formula.compile("k", text, "v", "xi");
            assertTrue(f.compiled(), text);
            net.objecthunter.exp4j.Expression reference = new net.objecthunter.exp4j.ExpressionBuilder(text)
                    .functions(new net.objecthunter.exp4j.function.Function("min", 2) {
                        @Override
                        public double apply(double... a) {
                            return Math.min(a[0], a[1]);
                        }
                    }, new net.objecthunter.exp4j.function.Function("max", 2) {
                        @Override
                        public double apply(double... a) {
                            return Math.max(a[0], a[1]);
                        }
                    }, new net.objecthunter.exp4j.function.Function("step", 1) {
                        @Override
                        public double apply(double... a) {
                            return a[0] >= 0 ? 1 : 0;
                        }
                    }).variables("v", "xi").build();
            for (int i = 0; i < 50; i++) {
                double v = random.nextDouble(-3, 3);
                double xi = random.nextDouble();
                double expected = reference.setVariable("v", v).setVariable("xi", xi).evaluate();
                assertEquals(expected, f.value(v, xi), 1e-14 * Math.max(1, Math.abs(expected)), text + " at " + v + ", " + xi);
                assertEquals(expected, f.valueAt(v, xi), 1e-14 * Math.max(1, Math.abs(expected)), text);
            }
        }
    }

    @Test
    void aFunctionWithoutAJavaFormFallsBackToTheInterpreter() {
        Formula f = Formula.compile("k", "log2(v) + cot(1)", "v");
        assertFalse(f.compiled());
        assertEquals(3 + 1 / Math.tan(1), f.value(8), 1e-14);
    }

    @Test
    void tellsWhetherAVariableIsUsed() {
        assertFalse(Formula.compile("k", "tanh(v) + 2", "t", "v").uses("t"));
        assertTrue(Formula.compile("k", "sin(3*t) + v", "t", "v").uses("t"));
    }

    @Test
    void evaluationFromSeveralThreadsDoesNotMixVariables() throws InterruptedException {
        Formula f = Formula.compile("k", "v * 2", "v");
        double[] results = new double[2];
        Thread[] threads = new Thread[2];
        for (int i = 0; i < 2; i++) {
            final int id = i;
            threads[i] = new Thread(() -> {
                double sum = 0;
                for (int n = 0; n < 100_000; n++) {
                    sum += f.value(id + 1) - 2 * (id + 1);
                }
                results[id] = sum;
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(0.0, results[0], 0.0);
        assertEquals(0.0, results[1], 0.0);
    }

    @Test
    void aNameRightAfterANumberCountsAsUsedAndAFormulaWithoutVariablesIsAConstant() {
        // The parser reads "2t" as 2 * t: a drift written so depends on t, and "2J0" uses the parameter J0.
        assertTrue(Formula.compile("k", "-v + 2t", "t", "v", "xi").uses("t"));
        assertEquals(3.0, Formula.compile("k", "2J0", java.util.Map.of("J0", 1.5), "xi", "zeta").value(0.1, 0.9), 0.0);
        Formula constant = Formula.compile("k", "J0 * pi", java.util.Map.of("J0", 2.0), "xi", "zeta");
        assertEquals(2 * Math.PI, constant.value(0.3, 0.7), 1e-15);
        assertEquals(2 * Math.PI, constant.valueAt(0.1, 0.2), 1e-15);
    }
}
