package meanfield.app.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import meanfield.app.formula.Formula;
import meanfield.solvers.model.SynapticKernel;

/** Named constants of a problem reach every formula, on the compiled and the interpreted path. */
class ParametersTest {
    @Test
    void aParameterIsAConstantOfCompiledAndInterpretedFormulas() {
        Formula compiled = Formula.compile("nif.kernel", "J0 + 0.3 * cos(2 * pi * (xi - zeta))", Map.of("J0", 0.25),
                "xi", "zeta");
        assertTrue(compiled.compiled());
        assertEquals(0.25 + 0.3 * Math.cos(2 * Math.PI * 0.2), compiled.value(0.5, 0.3), 1e-15);
        // log2 has no Java form in the compiler: exp4j's interpreter evaluates it.
        Formula interpreted = Formula.compile("nif.rate", "A * log2(v) + B", Map.of("A", 2.0, "B", -1.0), "v");
        assertFalse(interpreted.compiled());
        assertEquals(2 * Math.log(5) / Math.log(2) - 1, interpreted.value(5.0), 1e-14);
    }

    private static Problem read(String... sets) {
        ProblemSource source = ProblemSource.load("nif-ring");
        for (String s : sets) {
            source.set(s);
        }
        return Problem.read(source);
    }

    @Test
    void aProblemsKernelUsesItsParameter() {
        Problem p = read("parameters={J0: 0.4}", "nif.kernel=J0 + 0.3 * cos(2 * pi * (xi - zeta))");
        SynapticKernel.Function w = (SynapticKernel.Function) ((NifProblem) p.model()).model().kernel();
        assertEquals(0.4 + 0.3, w.w().applyAsDouble(0.2, 0.2), 1e-15);
    }

    @Test
    void aParameterThatShadowsAVariableOrFunctionIsRefusedByName() {
        ProblemException variable = assertThrows(ProblemException.class, () -> read("parameters={xi: 1}"));
        assertTrue(variable.getMessage().startsWith("parameters.xi"), variable.getMessage());
        ProblemException function = assertThrows(ProblemException.class, () -> read("parameters={exp: 1}"));
        assertTrue(function.getMessage().startsWith("parameters.exp"), function.getMessage());
        ProblemException text = assertThrows(ProblemException.class, () -> read("parameters={J0: high}"));
        assertTrue(text.getMessage().startsWith("parameters.J0"), text.getMessage());
    }

    @Test
    void aFormulaStillRefusesANameThatIsNoParameter() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> read("parameters={J0: 0.4}", "nif.kernel=J1 + 0.3"));
        assertTrue(e.getMessage().startsWith("nif.kernel"), e.getMessage());
    }
}
