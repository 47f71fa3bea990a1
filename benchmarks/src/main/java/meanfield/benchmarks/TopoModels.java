package meanfield.benchmarks;

import meanfield.solvers.catalogue.PublicProblems;
import meanfield.solvers.model.TopoModel;

/** Problems P2 (topo-1d) and P3 (topo-2d) of MODEL.md section 4 from the catalogue. */
public final class TopoModels {
    /** Horizon of P2. */
    public static final double P2_END = PublicProblems.topo1d().time().end();
    /** Velocity nodes of P2: evenly spaced on [-1, 1], endpoints included. */
    public static final int P2_VELOCITIES = PublicProblems.topo1d().model().velocityCount();
    /** Horizon of P3. */
    public static final double P3_END = PublicProblems.topo2d().time().end();
    /** Velocity nodes of P3: unit vectors at angles 2 pi k / 16. */
    public static final int P3_VELOCITIES = PublicProblems.topo2d().model().velocityCount();

    private TopoModels() {
    }

    public static TopoModel p2() {
        return PublicProblems.topo1d().model();
    }

    /** P2 with another number of velocity nodes, evenly spaced on [-1, 1] (one node: v = 0). */
    public static TopoModel p2(int velocities) {
        return PublicProblems.topo1d(velocities);
    }

    public static TopoModel p3() {
        return PublicProblems.topo2d().model();
    }
}
