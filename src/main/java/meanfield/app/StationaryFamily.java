package meanfield.app;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

import meanfield.app.problem.NifProblem;
import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemException;
import meanfield.solvers.nif.NifFiniteVolume;
import meanfield.solvers.nif.NifSpectral;
import meanfield.solvers.nif.StationaryColumns;
import meanfield.solvers.nif.NifStationary;
import meanfield.solvers.parallel.ColumnPool;

/**
 * The stationary problem of a NIF problem file at each value of a continuation key: the file read
 * again with {@code KEY=value} (so that any numeric key works, a {@code parameters:} entry as well as
 * {@code nif.sigma}), discretized on the spectral elements, or on the finite volumes when the file
 * (or --set) says {@code solver: finite-volume}. The last few values are kept, since a continuation
 * step asks for the same value several times.
 */
final class StationaryFamily implements DoubleFunction<NifStationary> {
    private static final int KEPT = 8;

    private final Problem base;
    private final String key;
    private final CommonOptions options;
    private final ColumnPool pool;
    private final boolean finiteVolume;
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
        this.finiteVolume = finiteVolume(options);
        if (((NifProblem) base.model()).model().drift().dependsOnTime()) {
            throw new ProblemException("nif.drift", "depends on t: a stationary state needs an autonomous drift");
        }
    }

    /** Whether the problem file (with --set) asks for the finite volumes explicitly: spectral is stationary's default. */
    static boolean finiteVolume(CommonOptions options) {
        return "finite-volume".equals(options.source(List.of()).valueAt("solver"));
    }

    @Override
    public NifStationary apply(double value) {
        return recent.computeIfAbsent(value, v -> {
            Problem problem = key == null ? base
                    : options.readProblem(List.of(key + "=" + BigDecimal.valueOf(v).toPlainString()));
            NifProblem nif = (NifProblem) problem.model();
            StationaryColumns columns = finiteVolume ? new NifFiniteVolume(nif.model(), nif.v(), nif.labels(), pool)
                    : new NifSpectral(nif.model(), nif.elements(), nif.labels(), pool);
            return new NifStationary(columns, pool);
        });
    }
}
