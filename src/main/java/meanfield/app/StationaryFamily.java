package meanfield.app;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

import meanfield.app.problem.NifProblem;
import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemException;
import meanfield.solvers.nif.NifSpectral;
import meanfield.solvers.nif.NifStationary;
import meanfield.solvers.parallel.ColumnPool;

/**
 * The stationary problem of a NIF problem file at each value of a continuation key: the file read
 * again with {@code KEY=value} (so that any numeric key works, a {@code parameters:} entry as well as
 * {@code nif.sigma}), discretized on the spectral elements. The last few values are kept, since a
 * continuation step asks for the same value several times.
 */
final class StationaryFamily implements DoubleFunction<NifStationary> {
    private static final int KEPT = 8;

    private final Problem base;
    private final String key;
    private final CommonOptions options;
    private final ColumnPool pool;
    private final Map<Double, NifStationary> recent = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Double, NifStationary> eldest) {
            return size() > KEPT;
        }
    };

    StationaryFamily(Problem base, String key, CommonOptions options, ColumnPool pool) {
        this.base = base;
        this.key = key;
        this.options = options;
        this.pool = pool;
        if (finiteVolume(options)) {
            throw new ProblemException("solver", "stationary states are computed on the spectral elements (grid.v.order,"
                    + " grid.v.elements); remove solver: finite-volume, or set solver=spectral");
        }
    }

    /** Whether the problem file (with --set) asks for the finite volumes explicitly. */
    static boolean finiteVolume(CommonOptions options) {
        return "finite-volume".equals(options.source(List.of()).valueAt("solver"));
    }

    @Override
    public NifStationary apply(double value) {
        return recent.computeIfAbsent(value, v -> {
            Problem problem = key == null ? base
                    : options.readProblem(List.of(key + "=" + BigDecimal.valueOf(v).toPlainString()));
            NifProblem nif = (NifProblem) problem.model();
            return new NifStationary(new NifSpectral(nif.model(), nif.elements(), nif.labels(), pool), pool);
        });
    }
}
