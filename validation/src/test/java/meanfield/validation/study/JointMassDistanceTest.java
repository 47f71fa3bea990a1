package meanfield.validation.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JointMassDistanceTest {
    /** Node masses uniform in x, 1/4 on each of two nodes, at Fourier nodes j/n; 4 bins. */
    private static final double[] NODES = {0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875};

    private static double[] uniform() {
        double[] f = new double[NODES.length * 2];
        java.util.Arrays.fill(f, 0.5);
        return f;
    }

    @Test
    void theContinuumsOwnBinMassesAreAtDistanceZero() {
        JointMassDistance d = new JointMassDistance(NODES, 1, 4, 2);
        double[] c = d.continuum(uniform());
        for (double m : c) {
            assertEquals(0.125, m, 1e-15);
        }
        assertEquals(0.0, d.distance(c.clone(), c), 0.0);
    }

    /** Moving mass delta from one (bin, node) to another changes two entries by delta: d = 2 delta. */
    @Test
    void massMovedToAnotherVelocityNodeCountsTwice() {
        JointMassDistance d = new JointMassDistance(NODES, 1, 4, 2);
        double[] c = d.continuum(uniform());
        double[] joint = c.clone();
        joint[2 * 2] -= 0.05;
        joint[2 * 2 + 1] += 0.05;
        assertEquals(0.1, d.distance(joint, c), 1e-15);
    }
}
