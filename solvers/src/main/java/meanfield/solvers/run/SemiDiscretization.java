package meanfield.solvers.run;

import java.util.List;

import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.time.TimeControl;

/**
 * A model on a grid as a system of ODEs, in the spirit of Trixi.jl's {@code semidiscretize}: its
 * state, its initial value, the split forms it offers to integrators (by implementing
 * {@link meanfield.solvers.time.ExplicitSystem}, {@link meanfield.solvers.time.DiagonalSplitSystem}
 * or {@link meanfield.solvers.time.ProductionDestructionSystem}), and the map from a state to the
 * physical fields of its {@link ResultLayout}. The {@link Driver} runs any of them.
 */
public interface SemiDiscretization {
    /** Length of a state array. */
    int size();

    /** The state at t = 0. */
    double[] initialState();

    /** The registry name of the scheme used when the problem names none. */
    String defaultScheme();

    /**
     * The step of a scheme without an error estimate when the problem gives none: a stability or
     * accuracy default of the discretization, at most {@link #maxStep()}. Without one, a hundredth of
     * the output interval.
     */
    default double defaultStep(TimeControl control) {
        return Math.min(control.outputEvery(), control.end()) / 100;
    }

    /** The largest step the discretization can take (a positivity limit), or +infinity. */
    default double maxStep() {
        return Double.POSITIVE_INFINITY;
    }

    /** The axes and the per-output variables that {@link #fields} fills. */
    ResultLayout layout();

    /** The physical fields of state y at time t, one array per time-dependent variable of the layout. */
    void fields(double t, double[] y, double[][] out);

    /** Where y first holds a non-finite value, in the discretization's own terms (for failure messages). */
    String locate(double[] y);

    /** The diagnostics every run of this discretization keeps (mass, positivity, limits). */
    List<RunObserver> diagnostics();
}
