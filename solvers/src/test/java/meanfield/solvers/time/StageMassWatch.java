package meanfield.solvers.time;

import java.util.function.ToDoubleFunction;

/**
 * A diagonal-split system that passes every call through and records, at each explicit-part
 * evaluation (each stage), how far the stage's mass is from 1: a test of mass at every stage.
 */
public final class StageMassWatch implements DiagonalSplitSystem {
    private final DiagonalSplitSystem system;
    private final ToDoubleFunction<double[]> mass;
    private double worst;
    private int evaluations;

    public StageMassWatch(DiagonalSplitSystem system, ToDoubleFunction<double[]> mass) {
        this.system = system;
        this.mass = mass;
    }

    /** The largest |mass - 1| over the stages seen. */
    public double worst() {
        return worst;
    }

    public int evaluations() {
        return evaluations;
    }

    @Override
    public int size() {
        return system.size();
    }

    @Override
    public void propagate(double dt, double[] in, double[] out) {
        system.propagate(dt, in, out);
    }

    @Override
    public void explicitPart(double t, double[] y, double[] out) {
        evaluations++;
        worst = Math.max(worst, Math.abs(mass.applyAsDouble(y) - 1));
        system.explicitPart(t, y, out);
    }

    @Override
    public double errorNorm(double[] a, double[] b) {
        return system.errorNorm(a, b);
    }
}
