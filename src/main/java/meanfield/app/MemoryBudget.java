package meanfield.app;

import java.util.Locale;

import meanfield.app.problem.ModelProblem;
import meanfield.app.problem.NifProblem;
import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemException;
import meanfield.app.problem.TopoProblem;
import meanfield.solvers.topo.TopoSolver;

/**
 * What a run needs in memory, estimated from the problem before anything is allocated, and the
 * refusal when the JVM's heap is smaller: a run that would end in an OutOfMemoryError after
 * minutes is told so at once, with the number to raise the heap to.
 */
final class MemoryBudget {
    /** The share of the heap a run may plan for: the rest is the JVM's own, the formulas' and the plots'. */
    static final double USABLE = 0.8;
    private static final double GIB = 1024.0 * 1024 * 1024;
    /** 64 TiB: beyond it, suggesting a heap size would be a joke. */
    private static final double FAR_TOO_LARGE = 64 * 1024 * GIB;

    private MemoryBudget() {
    }

    /**
     * A solve of this model keeping {@code kept} outputs in memory: the state and the scheme's stages
     * (24 copies of the largest field covers the largest tableau with its error estimate), the outputs,
     * the label-by-label coupling matrix of NIF and the rank tables of the TOPO finite volumes.
     */
    static long solveBytes(ModelProblem model, long kept) {
        return saturated(8.0 * model.valuesPerOutput() * (24 + kept) + tables(model));
    }

    /**
     * A solve that streams its outputs into a file as well: the file is laid out at the start from
     * arrays of every output (NaN until reached), a second copy of the outputs while it is written.
     */
    static long streamedSolveBytes(ModelProblem model, long outputs) {
        return saturated(8.0 * model.valuesPerOutput() * (24 + 2.0 * outputs) + tables(model));
    }

    /** The tables a discretization holds beside its fields: the NIF coupling matrix, the TOPO finite volumes' ranks. */
    private static double tables(ModelProblem model) {
        double bytes = 0;
        if (model instanceof NifProblem nif) {
            double labels = nif.labels().cells();
            // The cell-averaged kernel and the quadrature values it is computed from.
            bytes += 16.0 * labels * labels;
        }
        if (model instanceof TopoProblem topo && topo.method() == TopoSolver.Method.FINITE_VOLUME) {
            bytes += 8.0 * 128 * Math.pow(topo.n(), topo.model().dimension());
        }
        return bytes;
    }

    /** A particle run of n particles: the NIF network's synapses both ways and each particle's state. */
    static long particleBytes(Problem problem, long n) {
        double bytes = 64.0 * n;
        if (problem.model() instanceof NifProblem) {
            bytes += problem.particles().networkBytes(n);
        }
        return saturated(bytes);
    }

    /** Refuses {@code bytes} above the usable heap, naming the key to change and how to raise the heap. */
    static void require(String key, long bytes, String what) {
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > FAR_TOO_LARGE) {
            throw new ProblemException(key, String.format(Locale.ROOT, "%s needs more than 64 TiB of memory, far more"
                    + " than any machine has: make it smaller", what));
        }
        if (bytes > USABLE * heap) {
            throw new ProblemException(key, String.format(Locale.ROOT, "%s needs about %s of memory, and this JVM may"
                    + " use %s: make it smaller, or raise the heap with MEANFIELD_JAVA_OPTS=-Xmx%dg (the launcher's default"
                    + " is -XX:MaxRAMPercentage=70 of the machine's memory)", what, size(bytes), size(heap),
                    (long) Math.ceil(bytes / USABLE / GIB)));
        }
    }

    static String size(double bytes) {
        return bytes >= GIB ? String.format(Locale.ROOT, "%.1f GiB", bytes / GIB)
                : String.format(Locale.ROOT, "%.0f MiB", Math.ceil(bytes / (1024.0 * 1024)));
    }

    private static long saturated(double bytes) {
        return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes;
    }
}
