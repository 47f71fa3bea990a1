package meanfield.app.problem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import meanfield.app.formula.Formula;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.model.RankWeight;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.topo.TopoManufactured;
import meanfield.solvers.topo.TopoSolver;
import meanfield.solvers.topo.TopoUniformWeightSolution;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.run.ExactSolution;
import meanfield.solvers.run.ManufacturedSolution;
import meanfield.solvers.run.SemiDiscretization;
import meanfield.solvers.time.TimeControl;

/**
 * A TOPO problem read from its file: the model, the discretization with its points per
 * dimension, and the time control.
 */
public record TopoProblem(TopoModel model, TopoSolver.Method method, int n, TimeControl time, String scheme,
        String solver) implements ModelProblem {
    /** Keys of model parts before a problem exists. */
    private static final ModelProblem KEYS = new TopoProblem(null, null, 0, null, null, null);


    /** Formula variables of f0 by dimension: positions, then velocity components, speed (and angle in 2D). */
    private static final String[][] INITIAL_VARIABLES = {
        {"x", "v"},
        {"x", "y", "vx", "vy", "v", "a"},
        {"x", "y", "z", "vx", "vy", "vz", "v"},
    };

    static TopoProblem read(ConfigNode root) {
        ConfigNode topo = root.child("topo");
        double dimensionValue = topo.number("dimension", 1);
        if (dimensionValue != 1 && dimensionValue != 2 && dimensionValue != 3) {
            throw new ProblemException(topo.key("dimension"), "must be 1, 2 or 3, got " + dimensionValue);
        }
        int d = (int) dimensionValue;
        try {
            RankWeight weight = weight(topo);
            double[][] velocities = velocities(topo, d);
            String[] variables = INITIAL_VARIABLES[d - 1];
            Formula initial = topo.formula("initial", null, variables);
            TopoModel model = new TopoModel(d, weight, velocities, (x, v) -> initial.valueAt(arguments(x, v)));
            requirePeriodic(topo.key("initial"), model);
            int cells = root.child("grid").child("x").positiveInteger("cells", d == 1 ? 256 : 64);
            if (cells < 4) {
                throw new ProblemException("grid.x.cells", "must be at least 4, got " + cells);
            }
            TimeSection time = TimeSection.read(root.child("time"), meanfield.solvers.catalogue.PublicProblems.TOPO_TOLERANCE);
            String solver = root.choice("solver", "spectral", "spectral", "finite-volume");
            TopoSolver.Method method = solver.equals("spectral") ? TopoSolver.Method.SPECTRAL
                    : TopoSolver.Method.FINITE_VOLUME;
            if (method == TopoSolver.Method.SPECTRAL && (d > 2 || d == 2 && weight.breaks().length > 0)) {
                throw new ProblemException("solver", "the spectral TOPO solver handles dimension 1, and dimension 2"
                        + " with a smooth rank weight; use --set solver=finite-volume");
            }
            if (method == TopoSolver.Method.SPECTRAL && cells % 2 != 0) {
                throw new ProblemException("grid.x.cells", "the spectral solver needs an even number of points, got " + cells);
            }
            return new TopoProblem(model, method, cells, time.control(), time.scheme(), solver);
        } catch (InvalidModelException e) {
            throw new ProblemException(KEYS.keyOf(e.part()), e.getMessage());
        }
    }

    @Override
    public String name() {
        return "topo";
    }

    @Override
    public ExactSolution exactSolution() {
        Optional<? extends ExactSolution> exact = method == TopoSolver.Method.FINITE_VOLUME
                ? TopoUniformWeightSolution.onCells(model, n) : TopoUniformWeightSolution.atNodes(model, n);
        return exact.orElseThrow(() -> new ProblemException("--reference", "this problem has no exact solution:"
                + " MODEL.md 2.3 has one for topo with K = 1 (topo.weight: {uniform: {}} or '1'), and its K is not 1"));
    }

    @Override
    public ManufacturedSolution manufactured(ColumnPool pool) {
        return method == TopoSolver.Method.FINITE_VOLUME ? TopoManufactured.finiteVolume(model, n, pool)
                : TopoManufactured.spectral(model, n, pool);
    }

    @Override
    public SemiDiscretization discretize(ColumnPool pool) {
        return TopoSolver.discretize(model, method, n, pool);
    }

    @Override
    public long valuesPerOutput() {
        return (long) Math.pow(n, model.dimension()) * model.velocityCount();
    }

    @Override
    public Map<String, Object> gridSummary() {
        Map<String, Object> grid = new java.util.LinkedHashMap<>();
        grid.put("dimension", model.dimension());
        grid.put("x_cells", n);
        grid.put("velocities", model.velocityCount());
        return grid;
    }

    @Override
    public String modelKey(InvalidModelException.Part part) {
        return switch (part) {
            case RANK_WEIGHT -> "topo.weight";
            case VELOCITIES -> "topo.velocities";
            case INITIAL -> "topo.initial";
            default -> "topo";
        };
    }

    /** f0 must take the same values on opposite faces of the unit cell, or it is not data on the torus. */
    private static void requirePeriodic(String key, TopoModel model) {
        int d = model.dimension();
        double[] low = new double[d];
        double[] high = new double[d];
        for (double[] v : model.velocities()) {
            for (int a = 0; a < d; a++) {
                for (int sample = 0; sample < 7; sample++) {
                    for (int b = 0; b < d; b++) {
                        low[b] = (sample + 0.37 * b) / 7 % 1;
                    }
                    System.arraycopy(low, 0, high, 0, d);
                    low[a] = 0;
                    high[a] = 1;
                    double f0 = model.initial().value(low, v);
                    double f1 = model.initial().value(high, v);
                    if (Math.abs(f0 - f1) > 1e-9 * Math.max(1, Math.abs(f0))) {
                        throw new ProblemException(key, "not periodic: f0 = " + f0 + " at " + java.util.Arrays.toString(low)
                                + " but " + f1 + " at " + java.util.Arrays.toString(high) + " (v = "
                                + java.util.Arrays.toString(v) + ")");
                    }
                }
            }
        }
    }

    private static double[] arguments(double[] x, double[] v) {
        int d = x.length;
        double[] args = new double[d == 1 ? 2 : d == 2 ? 6 : 7];
        System.arraycopy(x, 0, args, 0, d);
        if (d == 1) {
            args[1] = v[0];
            return args;
        }
        System.arraycopy(v, 0, args, d, d);
        double speed = 0;
        for (double c : v) {
            speed += c * c;
        }
        args[2 * d] = Math.sqrt(speed);
        if (d == 2) {
            args[5] = Math.atan2(v[1], v[0]);
        }
        return args;
    }

    private static RankWeight weight(ConfigNode topo) {
        if (!(topo.raw("weight") instanceof Map)) {
            Formula k = topo.formula("weight", null, "m");
            return RankWeight.of(k::value);
        }
        ConfigNode family = topo.child("weight");
        String name = family.onlyKey();
        switch (name) {
            case "exponential":
                family.optionalChild(name);
                return RankWeight.exponential();
            case "uniform":
                family.optionalChild(name);
                return RankWeight.uniform();
            case "linear":
                family.optionalChild(name);
                return RankWeight.linear();
            case "nearest_fraction":
                return RankWeight.nearestFraction(family.child(name).number("kappa"));
            default:
                throw new ProblemException(family.key(name),
                        "unknown rank weight family (known: exponential, uniform, linear, nearest_fraction)");
        }
    }

    private static double[][] velocities(ConfigNode topo, int d) {
        ConfigNode v = topo.child("velocities");
        if (v.has("grid")) {
            ConfigNode grid = v.child("grid");
            if (d != 1) {
                throw new ProblemException(grid.path(), "a velocity grid is for dimension 1; use list or directions");
            }
            double min = grid.number("min");
            double max = grid.number("max");
            int count = grid.positiveInteger("count", 32);
            if (count < 2 || !(max > min)) {
                throw new ProblemException(grid.path(), "needs count >= 2 and max > min");
            }
            double[][] out = new double[count][1];
            for (int k = 0; k < count; k++) {
                out[k][0] = min + (max - min) * k / (count - 1);
            }
            return out;
        }
        if (v.has("directions")) {
            if (d != 2) {
                throw new ProblemException(v.key("directions"), "directions are for dimension 2; use list");
            }
            int count = v.positiveInteger("directions", 16);
            double speed = v.number("speed", 1.0);
            double[][] out = new double[count][];
            for (int k = 0; k < count; k++) {
                double a = 2 * Math.PI * k / count;
                out[k] = new double[] {speed * Math.cos(a), speed * Math.sin(a)};
            }
            return out;
        }
        if (v.has("list")) {
            Object list = v.raw("list");
            if (!(list instanceof List<?> rows) || rows.isEmpty()) {
                throw new ProblemException(v.key("list"), "must be a non-empty list of velocities, e.g. [[-0.7], [0.5]]");
            }
            double[][] out = new double[rows.size()][];
            for (int k = 0; k < rows.size(); k++) {
                Object row = rows.get(k);
                List<?> components = row instanceof List<?> l ? l : List.of(row);
                if (components.size() != d) {
                    throw new ProblemException(v.key("list"), "velocity " + (k + 1) + " " + row + " does not have "
                            + d + " components");
                }
                out[k] = new double[d];
                for (int a = 0; a < d; a++) {
                    if (!(components.get(a) instanceof Number n)) {
                        throw new ProblemException(v.key("list"), "velocity " + (k + 1) + " " + row + " is not numeric");
                    }
                    out[k][a] = n.doubleValue();
                }
            }
            return out;
        }
        throw new ProblemException(v.path(), "give one of grid, list or directions");
    }
}
